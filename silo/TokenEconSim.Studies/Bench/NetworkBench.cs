using System.Diagnostics;
using System.Globalization;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Network;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// `silo bench --network`: proof of work over a peer-to-peer network (docs/model.md §19) at the size of the
/// network issue: 10 000 nodes of degree 8 in SimBlock's regions, 100 honest miners on the first nodes with equal
/// hashrate, 1 000 blocks of 1 MB at a 600 s mean interval, every block relayed to every node. Prints the wall time
/// of the run (topology built apart), the stale rate and the mean times to reach half and nine tenths of the nodes.
/// </summary>
public static class NetworkBench
{
    public sealed record Result(int Nodes, int Degree, int Blocks, double BuildSeconds, double RunSeconds, NetworkOutcome Outcome);

    public static Result Measure(int nodes = 10_000, int degree = 8, int blocks = 1000, int miners = 100, long seed = 1)
    {
        var build = Stopwatch.StartNew();
        var topology = TopologyBuilder.Regions(nodes, degree, seed);
        build.Stop();
        var bits = CompactTarget.DifficultyOneBits;
        var each = NetworkConfig.HashrateFor(600, bits) / miners;
        var config = new NetworkConfig
        {
            Topology = topology,
            Miners = Enumerable.Range(0, miners).Select(i => new MinerSpec(i, each, new HonestMiner())).ToArray(),
            Difficulty = new FixedDifficulty(bits),
            Blocks = blocks,
            BlockBytes = 1_000_000,
            Seed = seed,
            GenesisTime = 1_231_006_505,
        };
        var run = Stopwatch.StartNew();
        var outcome = new NetworkSimulation(config).Run();
        run.Stop();
        return new Result(nodes, degree, blocks, build.Elapsed.TotalSeconds, run.Elapsed.TotalSeconds, outcome);
    }

    public static void Run(int runs)
    {
        Measure(nodes: 1000, blocks: 100); // warm-up: JIT tiering
        for (var i = 0; i < runs; i++)
        {
            var r = Measure();
            var o = r.Outcome;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"network: {r.Nodes} nodes, degree {r.Degree}, {r.Blocks} blocks of 1 MB: topology {r.BuildSeconds:F2} s, run {r.RunSeconds:F2} s; "
                + $"stale rate {o.StaleRate:P2}, forks {o.StaleBlocks}, reach 50 % {o.MeanReach50:F2} s, 90 % {o.MeanReach90:F2} s"));
        }
    }
}
