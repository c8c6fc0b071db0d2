using TokenEconSim.Domain.Agents;
using C = TokenEconSim.Domain.Simulation.ConsensusColumns;
using F = TokenEconSim.Domain.Simulation.LearningColumns;
using L = TokenEconSim.Domain.Simulation.LedgerColumns;
using V = TokenEconSim.Domain.Simulation.ContributionColumns;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// One epoch's row of metrics.csv, plus the epoch's blocks and economy records. Its values are the
/// declared columns (<see cref="MetricColumns"/>), set and read as <c>row[Column]</c>; token amounts
/// are base units (10⁻⁸ token). The named properties below are shorthands for columns the code reads
/// often: a new column needs none.
/// </summary>
public sealed record EpochMetrics : MetricValues
{
    private EconomyMetrics _economy = EconomyMetrics.None;

    public EpochMetrics() { }

    private EpochMetrics(long[] values) : base(values) { }

    /// <summary>
    /// A row from its serialized form: the values of <see cref="MetricValues.CopyValues"/>, its blocks,
    /// populations and, when the economy ran, its records (null for <see cref="EconomyMetrics.None"/>).
    /// </summary>
    public static EpochMetrics Restore(long[] values, IReadOnlyList<Consensus.BlockRecord> blocks, int[] populationByRole,
        (IReadOnlyList<Governance.ProposalRecord> Proposals, IReadOnlyList<CreatorSales> Sales)? economy)
    {
        var row = new EpochMetrics(values) { BlockRecords = blocks, PopulationByRole = populationByRole };
        // The economy's columns are in the values already: its part is rebuilt from them, not copied back.
        if (economy is { } e) row._economy = EconomyMetrics.Restore(row, e.Proposals, e.Sales);
        return row;
    }

    /// <summary>This epoch's blocks, in height order (blocks.csv).</summary>
    public IReadOnlyList<Consensus.BlockRecord> BlockRecords { get; init; } = [];
    /// <summary>Each role's whole population (for the mean rewards).</summary>
    public int[] PopulationByRole { get; init; } = new int[Roles.Count];

    /// <summary>
    /// Governance, token market and marketplace: the votes and sales (governance.csv, marketplace.csv);
    /// setting it also sets the row's <see cref="EconomyColumns"/>. <see cref="EconomyMetrics.None"/> when they are off.
    /// </summary>
    public EconomyMetrics Economy
    {
        get => _economy;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _economy = value;
            CopyGroup(EconomyColumns.Group, value);
        }
    }

    /// <summary>The responding populations' columns (<see cref="BehaviourColumns"/>); null when every population is fixed.</summary>
    public BehaviourMetrics? Behaviour
    {
        get => _behaviour;
        init
        {
            _behaviour = value;
            if (value is not null) CopyGroup(BehaviourColumns.Group, value);
        }
    }

    private readonly BehaviourMetrics? _behaviour;

    /// <summary>Yuma scoring's columns (<see cref="YumaColumns"/>); null when it did not run for this epoch.</summary>
    public YumaMetrics? Yuma
    {
        get => _yuma;
        init
        {
            _yuma = value;
            if (value is not null) CopyGroup(YumaColumns.Group, value);
        }
    }

    private readonly YumaMetrics? _yuma;

    /// <summary>Yuma scoring's adversary columns (<see cref="YumaAdversaryColumns"/>); null without adversaries or a Yuma epoch.</summary>
    public YumaAdversaryMetrics? YumaAdversaries
    {
        get => _yumaAdversaries;
        init
        {
            _yumaAdversaries = value;
            if (value is not null) CopyGroup(YumaAdversaryColumns.Group, value);
        }
    }

    private readonly YumaAdversaryMetrics? _yumaAdversaries;

    /// <summary>The network's columns (<see cref="NetworkColumns"/> and the attacker's); null without network.topology or before its first
    /// block.</summary>
    public NetworkMetrics? Network
    {
        get => _network;
        init
        {
            _network = value;
            if (value is not null) foreach (var group in NetworkMetrics.Groups) CopyGroup(group, value);
        }
    }

    private readonly NetworkMetrics? _network;

    public int Epoch { get => this[L.Epoch]; init => this[L.Epoch] = value; }
    public long Supply { get => this[L.Supply]; init => this[L.Supply] = value; }
    public long Minted { get => this[L.Minted]; init => this[L.Minted] = value; }
    public long Burned { get => this[L.Burned]; init => this[L.Burned] = value; }
    public long Treasury { get => this[L.Treasury]; init => this[L.Treasury] = value; }
    public double Inflation { get => this[L.Inflation]; init => this[L.Inflation] = value; }
    public double Gini { get => this[L.Gini]; init => this[L.Gini] = value; }
    public long Pool { get => this[L.Pool]; init => this[L.Pool] = value; }
    public long FeesPaid { get => this[L.FeesPaid]; init => this[L.FeesPaid] = value; }
    public long FeesBurned { get => this[L.FeesBurned]; init => this[L.FeesBurned] = value; }
    public long Calls { get => this[L.Calls]; init => this[L.Calls] = value; }
    public bool Accepted { get => this[C.Accepted]; init => this[C.Accepted] = value; }
    public int ValidVotes { get => this[C.ValidVotes]; init => this[C.ValidVotes] = value; }
    public int Quorum { get => this[C.Quorum]; init => this[C.Quorum] = value; }
    public int Blocks { get => this[C.Blocks]; init => this[C.Blocks] = value; }
    public double MeanBlockTime { get => this[C.MeanBlockTime]; init => this[C.MeanBlockTime] = value; }
    public double BlockTimeDeviation { get => this[C.BlockTimeDeviation]; init => this[C.BlockTimeDeviation] = value; }
    public double BlockTimeSd { get => this[C.BlockTimeSd]; init => this[C.BlockTimeSd] = value; }
    public double BlockTimeP99 { get => this[C.BlockTimeP99]; init => this[C.BlockTimeP99] = value; }
    public double Hashrate { get => this[C.Hashrate]; init => this[C.Hashrate] = value; }
    public double HashrateEstimated { get => this[C.HashrateEstimated]; init => this[C.HashrateEstimated] = value; }
    public double HashratePredicted { get => this[C.HashratePredicted]; init => this[C.HashratePredicted] = value; }
    public double Difficulty { get => this[C.Difficulty]; init => this[C.Difficulty] = value; }
    public int NakamotoHashrate { get => this[C.NakamotoHashrate]; init => this[C.NakamotoHashrate] = value; }
    public int NakamotoStake { get => this[C.NakamotoStake]; init => this[C.NakamotoStake] = value; }
    public int SlashEvents { get => this[C.SlashEvents]; init => this[C.SlashEvents] = value; }
    public long Slashed { get => this[C.Slashed]; init => this[C.Slashed] = value; }
    public int MissedSlots { get => this[C.MissedSlots]; init => this[C.MissedSlots] = value; }
    public int PbftRounds { get => this[C.PbftRounds]; init => this[C.PbftRounds] = value; }
    public int ViewChanges { get => this[C.ViewChanges]; init => this[C.ViewChanges] = value; }
    public double MeanQuality { get => this[V.MeanQuality]; init => this[V.MeanQuality] = value; }
    public double Alpha { get => this[V.Alpha]; init => this[V.Alpha] = value; }
    public double Beta { get => this[V.Beta]; init => this[V.Beta] = value; }
    public double Gamma { get => this[V.Gamma]; init => this[V.Gamma] = value; }
    public double ValueData { get => this[V.ValueData]; init => this[V.ValueData] = value; }
    public double ValueTraining { get => this[V.ValueTraining]; init => this[V.ValueTraining] = value; }
    public double ValueUsage { get => this[V.ValueUsage]; init => this[V.ValueUsage] = value; }
    public double ModelAccuracy { get => this[F.ModelAccuracy]; init => this[F.ModelAccuracy] = value; }
    public double ModelLoss { get => this[F.ModelLoss]; init => this[F.ModelLoss] = value; }
    public bool? UpdateAccepted { get => this[F.UpdateAccepted]; init => this[F.UpdateAccepted] = value; }
    public int TrainerUpdates { get => this[F.TrainerUpdates]; init => this[F.TrainerUpdates] = value; }

    /// <summary>reward_total_&lt;role&gt; in role order (a copy).</summary>
    public long[] RewardsByRole
    {
        get => [.. V.RewardTotal.All.Select(c => this[c])];
        init { foreach (var role in Roles.All) this[V.RewardTotal[role]] = value[(int)role]; }
    }

    /// <summary>active_&lt;role&gt; in role order (a copy).</summary>
    public int[] ActiveByRole
    {
        get => [.. V.Active.All.Select(c => this[c])];
        init { foreach (var role in Roles.All) this[V.Active[role]] = value[(int)role]; }
    }

    public long RewardTotal(Role role) => this[V.RewardTotal[role]];

    /// <summary>Mean reward over the role's whole population (not only its active members), in base units.</summary>
    public double RewardMean(Role role) =>
        PopulationByRole[(int)role] == 0 ? 0 : RewardTotal(role) / (double)PopulationByRole[(int)role];
}
