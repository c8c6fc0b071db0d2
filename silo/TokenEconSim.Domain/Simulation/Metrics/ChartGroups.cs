namespace TokenEconSim.Domain.Simulation;

/// <summary>Where a chart is drawn: the dashboard's run page (uPlot) or the run folder's charts/*.png.</summary>
public enum ChartSurface { Browser, Png }

/// <summary>
/// One chart. Its series are the columns whose declaration seats them in it (<see cref="MetricColumn.Charts"/>),
/// left axis first, then in column order. A PNG chart's <see cref="Key"/> is its file name.
/// </summary>
public sealed record ChartGroup(string Key, ChartSurface Surface, string Title, string YLabel = "", string? Y2Label = null,
    double[]? Range = null, bool WhenFilled = false)
{
    /// <summary>A series of this chart. <paramref name="whenFilled"/>: hidden while the column is empty.</summary>
    public ChartSeat Series(string label, bool rightAxis = false, double scale = 1, bool whenFilled = false) =>
        new(this, label, rightAxis, scale, whenFilled);

    /// <summary>Every declared column this chart draws, left axis first, then in column order.</summary>
    public IEnumerable<(MetricColumn Column, ChartSeat Seat)> Members() =>
        MetricColumns.All.SelectMany(c => c.Charts.Where(s => s.Chart == this).Select(s => (c, s))).OrderBy(m => m.s.RightAxis ? 1 : 0);
}

/// <summary>A column's place in a chart: its legend label, axis and display scale.</summary>
public sealed record ChartSeat(ChartGroup Chart, string Label, bool RightAxis, double Scale, bool WhenFilled);

/// <summary>Every chart, in the order each surface shows them.</summary>
public static class ChartGroups
{
    /// <summary>For a column that no chart draws: saying so is part of declaring it.</summary>
    public static readonly ChartSeat[] None = [];

    public static class Browser
    {
        public static readonly ChartGroup SupplyInflation = New("supply_inflation", "Supply and inflation", "supply (tokens)",
            "inflation (% per epoch)");
        public static readonly ChartGroup RewardsPerRole = New("rewards_per_role", "Rewards per role", "tokens per epoch");
        public static readonly ChartGroup Gini = New("gini", "Gini of balances", "Gini coefficient");
        // Units in the axis titles: difficulty is Bitcoin's (expected hashes per block / 2³²); the hashrate is the scenario's (docs/model.md §4.3).
        public static readonly ChartGroup DifficultyHashrate = New("difficulty_hashrate", "Difficulty vs hashrate",
            "difficulty (× 2³² hashes per block)", "hashrate (2³² H/s; real: H/s)");
        public static readonly ChartGroup BlockTime = New("block_time", "Block time", "seconds between blocks");
        // Every run has the column since federated learning exists; only learning runs fill it.
        public static readonly ChartGroup ModelAccuracy = New("model_accuracy", "Model accuracy", "accuracy") with { WhenFilled = true };
        public static readonly ChartGroup RewardWeights = New("reward_weights", "Reward weights α, β, γ", "weight") with { Range = [0, 1] };
        // Its columns are the optional behaviour group's: a run where every population is fixed has none, so no such chart.
        public static readonly ChartGroup Participation = New("participation", "Responding populations", "agents present", "mean effort");

        public static IReadOnlyList<ChartGroup> All { get; } = [SupplyInflation, RewardsPerRole, Gini, DifficultyHashrate, BlockTime,
            ModelAccuracy, RewardWeights, Participation];

        private static ChartGroup New(string key, string title, string y, string? y2 = null) => new(key, ChartSurface.Browser, title, y, y2);
    }

    /// <summary>The PNG/SVG charts of a run folder; the results project draws each (and decides when it is meaningful).</summary>
    public static class Png
    {
        public static readonly ChartGroup SupplyInflation = New("supply_inflation", "Token supply and inflation");
        public static readonly ChartGroup Gini = New("gini", "Inequality of balances (Gini)");
        public static readonly ChartGroup RewardsPerRole = New("rewards_per_role", "Rewards paid per epoch, by role");
        public static readonly ChartGroup DifficultyHashrate = New("difficulty_hashrate", "Difficulty and hashrate");
        /// <summary>Drawn from the epochs' blocks (blocks.csv), not from a metrics column.</summary>
        public static readonly ChartGroup BlockTimeHistogram = New("block_time_histogram", "Time between blocks");
        /// <summary>Drawn from the epochs' blocks (blocks.csv), not from a metrics column.</summary>
        public static readonly ChartGroup ProducerConcentration = New("producer_concentration", "Share of blocks by producer");
        public static readonly ChartGroup ModelAccuracy = New("model_accuracy", "Global model: validation accuracy and loss");
        public static readonly ChartGroup RewardWeights = New("reward_weights", "Reward weights α, β, γ (changed by governance)");
        public static readonly ChartGroup TokenPrice = New("token_price", "Token price and pool reserves (x·y = k)");
        public static readonly ChartGroup RewardsStacked = New("rewards_stacked", "Rewards per epoch by role (stacked)");
        /// <summary>Responding populations only (docs/model.md §17): active agents per role, and their mean effort.</summary>
        public static readonly ChartGroup Participation = New("participation", "Agents taking part, and their effort, by responding role");
        /// <summary>Responding populations only: mean profit per role.</summary>
        public static readonly ChartGroup Profit = New("profit", "Mean profit of those taking part, by responding role");
        /// <summary>Yuma scoring only (docs/model.md §3.6): the incentive's Gini and the validators' trust, per scored role.</summary>
        public static readonly ChartGroup Yuma = New("yuma", "Yuma consensus: incentive Gini and validators' trust, by role");
        /// <summary>Yuma scoring with adversaries only: the colluders' partner against honest consensus, the adversaries' dividends.</summary>
        public static readonly ChartGroup YumaAdversaries = New("yuma_adversaries", "Yuma adversaries: what they gained");
        /// <summary>Network runs only (docs/model.md §19.6): the stale rate, and how long a block takes to reach 90 % of nodes.</summary>
        public static readonly ChartGroup Network = New("network", "Network: stale rate and time for a block to reach 90 % of nodes");

        public static IReadOnlyList<ChartGroup> All { get; } =
            [SupplyInflation, Gini, RewardsPerRole, DifficultyHashrate, BlockTimeHistogram, ProducerConcentration, ModelAccuracy, RewardWeights,
                TokenPrice, RewardsStacked, Participation, Profit, Yuma, YumaAdversaries, Network];

        private static ChartGroup New(string key, string title) => new(key, ChartSurface.Png, title);
    }
}
