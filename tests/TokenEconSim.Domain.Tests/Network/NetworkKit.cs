using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

/// <summary>Small networks for the tests: difficulty-1 blocks, a given mean interval, miners with given shares.</summary>
internal static class NetworkKit
{
    public const uint Bits = 0x1d00ffff;
    public const double Interval = 600;

    public static NetworkConfig Config(INetworkTopology topology, IReadOnlyList<(double Share, MinerStrategy Strategy)> miners, int blocks,
        long seed = 1, int confirmationDepth = 6, long blockBytes = 0)
    {
        var total = NetworkConfig.HashrateFor(Interval, Bits);
        return new NetworkConfig
        {
            Topology = topology,
            Miners = miners.Select((m, i) => new MinerSpec(i, m.Share * total, m.Strategy)).ToArray(),
            Difficulty = new FixedDifficulty(Bits),
            Blocks = blocks,
            Seed = seed,
            ConfirmationDepth = confirmationDepth,
            BlockBytes = blockBytes,
            GenesisTime = 1_000_000,
        };
    }

    public static (double, MinerStrategy)[] EqualHonest(int count) =>
        Enumerable.Range(0, count).Select(_ => (1.0 / count, (MinerStrategy)new HonestMiner())).ToArray();
}
