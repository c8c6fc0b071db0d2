namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>Builds a replica of a given behaviour, so scenarios can name behaviours rather than classes.</summary>
public static class PbftReplicas
{
    /// <summary>Replica <paramref name="id"/>'s own seed (Random replicas draw from it).</summary>
    public static ulong SeedFor(ulong seed, int id) => Randomness.SplitMix64.Mix(seed ^ Randomness.SplitMix64.Mix((ulong)id + 1));

    /// <param name="proposal">What the replica pre-prepares when primary.</param>
    /// <param name="requests">The digests known to be requested (the epoch's settlement digest, and any other valid value).</param>
    /// <param name="lie">The digest a Byzantine replica pushes instead of the true one.</param>
    /// <param name="seed">Seeds <see cref="ByzantineBehaviour.Random"/>; unused by the others.</param>
    public static IPbftReplica Create(
        int id, PbftConfig config, ByzantineBehaviour behaviour,
        Digest proposal, IReadOnlyList<Digest> requests, Digest lie, ulong seed)
    {
        if (behaviour == ByzantineBehaviour.Silent) return new SilentReplica(id);
        var honest = new PbftReplica(id, config, proposal, requests);
        return behaviour switch
        {
            ByzantineBehaviour.None => honest,
            ByzantineBehaviour.EquivocatingPrimary => new EquivocatingPrimaryReplica(honest, config, lie),
            ByzantineBehaviour.WrongDigest => new WrongDigestReplica(honest, lie),
            ByzantineBehaviour.Random => new RandomReplica(
                honest, config, [.. requests, lie], new Randomness.Xoshiro256StarStar(seed)),
            _ => throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour, "Unknown PBFT behaviour."),
        };
    }
}
