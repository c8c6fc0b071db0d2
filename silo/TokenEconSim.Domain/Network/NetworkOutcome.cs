using System.Globalization;
using System.Text;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// What a network run measured. The main chain ends at the block with the most work (the first seen on ties); only
/// blocks at least <see cref="NetworkConfig.ConfirmationDepth"/> below its tip are settled, and the counts below are
/// over settled heights: a block there is either on the main chain (paid) or stale. A stale block's fork depth is its
/// height above its last main-chain ancestor (1: a sibling of a main-chain block). Reach times run from a block's
/// release to the moment half (nine tenths) of the nodes hold it, averaged over released blocks that got there.
/// </summary>
public sealed record NetworkOutcome
{
    public required int BlocksFound { get; init; }
    public required long SettledHeight { get; init; }
    public required int MainChainBlocks { get; init; }
    public required int StaleBlocks { get; init; }

    /// <summary>Stale blocks over all blocks at settled heights.</summary>
    public double StaleRate => MainChainBlocks + StaleBlocks == 0 ? 0 : (double)StaleBlocks / (MainChainBlocks + StaleBlocks);

    /// <summary>Main-chain blocks that have at least one stale sibling, over main-chain blocks: how often a height was contested.</summary>
    public required double ForkRate { get; init; }

    /// <summary>Stale blocks by fork depth.</summary>
    public required IReadOnlyDictionary<int, int> ForkDepths { get; init; }

    public required double MeanReach50 { get; init; }
    public required double MeanReach90 { get; init; }
    public required double[] HashrateShares { get; init; }

    /// <summary>Each miner's share of the settled main-chain blocks (and so of their rewards).</summary>
    public required double[] RevenueShares { get; init; }

    /// <summary>The non-honest miners' combined share of settled main-chain blocks.</summary>
    public required double AttackerRelativeRevenue { get; init; }

    public required int DoubleSpendAttempts { get; init; }
    public required int DoubleSpendSuccesses { get; init; }
    public required double SimulatedSeconds { get; init; }
    /// <summary>Times a block reached a node before its parent and waited for it (possible when relays spend validation time).</summary>
    public int OrphanArrivals { get; init; }

    public required Hash256 MainTip { get; init; }
    public required long MainTipHeight { get; init; }

    /// <summary>Every figure as text: equal digests, equal outcomes.</summary>
    public string Digest()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{BlocksFound}|{SettledHeight}|{MainChainBlocks}|{StaleBlocks}|{ForkRate:R}|");
        foreach (var (d, n) in ForkDepths) sb.Append(CultureInfo.InvariantCulture, $"{d}:{n},");
        sb.Append(CultureInfo.InvariantCulture, $"|{MeanReach50:R}|{MeanReach90:R}|{AttackerRelativeRevenue:R}|");
        foreach (var r in RevenueShares) sb.Append(CultureInfo.InvariantCulture, $"{r:R},");
        sb.Append(CultureInfo.InvariantCulture, $"|{DoubleSpendAttempts}|{DoubleSpendSuccesses}|{SimulatedSeconds:R}|");
        sb.Append(CultureInfo.InvariantCulture, $"{MainTip}|{MainTipHeight}|{OrphanArrivals}");
        return sb.ToString();
    }

    internal static NetworkOutcome Measure(BlockTree tree, NetworkConfig config, IReadOnlyList<BlockFlight> flights,
        IReadOnlyList<MinerStrategy> strategies, double now)
    {
        var tip = tree.BestTip();
        var settled = tip.Height - config.ConfirmationDepth;
        var onMain = new bool[tree.Count];
        for (var b = tip; b is not null; b = b.Parent) onMain[b.Index] = true;
        var (main, stale, contested, depths, paid) = Count(tree, onMain, settled, strategies.Count);
        var (reach50, reach90) = Reach(flights);
        var total = config.Miners.Sum(m => m.Hashrate);
        var revenue = paid.Select(p => main == 0 ? 0 : (double)p / main).ToArray();
        var attacker = 0.0;
        for (var i = 0; i < strategies.Count; i++) if (!strategies[i].IsHonest) attacker += revenue[i];
        var spenders = strategies.OfType<DoubleSpender>().ToArray();
        return new NetworkOutcome
        {
            BlocksFound = tree.Count - 1,
            SettledHeight = Math.Max(0, settled),
            MainChainBlocks = main,
            StaleBlocks = stale,
            ForkRate = main == 0 ? 0 : (double)contested / main,
            ForkDepths = depths,
            MeanReach50 = reach50,
            MeanReach90 = reach90,
            HashrateShares = config.Miners.Select(m => total > 0 ? m.Hashrate / total : 0).ToArray(),
            RevenueShares = revenue,
            AttackerRelativeRevenue = attacker,
            DoubleSpendAttempts = spenders.Sum(s => s.Attempts),
            DoubleSpendSuccesses = spenders.Sum(s => s.Successes),
            SimulatedSeconds = now,
            MainTip = tip.Hash,
            MainTipHeight = tip.Height,
        };
    }

    private static (int Main, int Stale, int Contested, SortedDictionary<int, int> Depths, int[] Paid) Count(BlockTree tree, bool[] onMain,
        long settled, int miners)
    {
        var paid = new int[miners];
        var depths = new SortedDictionary<int, int>();
        var contestedHeights = new HashSet<long>();
        int main = 0, stale = 0;
        foreach (var b in tree.Blocks)
        {
            if (b.Height == 0 || b.Height > settled) continue;
            if (onMain[b.Index])
            {
                main++;
                if (b.Producer >= 0 && b.Producer < miners) paid[b.Producer]++;
                continue;
            }
            stale++;
            var a = b;
            while (!onMain[a.Index]) a = a.Parent!;
            var depth = (int)(b.Height - a.Height);
            depths[depth] = depths.GetValueOrDefault(depth) + 1;
            if (depth == 1) contestedHeights.Add(b.Height);
        }
        return (main, stale, contestedHeights.Count, depths, paid);
    }

    private static (double Reach50, double Reach90) Reach(IReadOnlyList<BlockFlight> flights)
    {
        double s50 = 0, s90 = 0;
        int n50 = 0, n90 = 0;
        for (var i = 1; i < flights.Count; i++)
        {
            var f = flights[i];
            if (!double.IsNaN(f.Reach50)) { s50 += f.Reach50; n50++; }
            if (!double.IsNaN(f.Reach90)) { s90 += f.Reach90; n90++; }
        }
        return (n50 == 0 ? double.NaN : s50 / n50, n90 == 0 ? double.NaN : s90 / n90);
    }
}
