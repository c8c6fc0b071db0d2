using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

/// <summary>Digests and network builders shared by the PBFT tests.</summary>
internal static class PbftFixtures
{
    /// <summary>The epoch's settlement digest.</summary>
    public static readonly Digest A = new(0xAAAA, 1);

    /// <summary>A second requested (valid) value, so a Byzantine replica can push a plausible rival.</summary>
    public static readonly Digest B = new(0xBBBB, 2);

    /// <summary>A value nobody requested.</summary>
    public static readonly Digest Bogus = new(0xBAD, 3);

    public static readonly Digest[] Requests = [A, B];

    /// <summary>n replicas all proposing A; the listed ones get the given behaviour.</summary>
    public static PbftNetwork Network(
        int n, IReadOnlyDictionary<int, ByzantineBehaviour>? byzantine = null, Digest? lie = null,
        int timeoutRounds = 8, ulong seed = 1)
    {
        var behaviours = Enumerable.Range(0, n)
            .Select(i => byzantine?.GetValueOrDefault(i) ?? ByzantineBehaviour.None).ToArray();
        return PbftNetwork.Create(
            new PbftConfig(n, sequence: 7, timeoutRounds), Enumerable.Repeat(A, n).ToArray(), Requests,
            behaviours, lie ?? B, seed);
    }
}
