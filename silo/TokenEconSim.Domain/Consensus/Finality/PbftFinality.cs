using TokenEconSim.Domain.Consensus.Pbft;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.Finality;

/// <summary>
/// PBFT among the epoch's active validators (replica i = the i-th in id order) on the settlement
/// digest, one instance per epoch (sequence = epoch). The <c>pbft.byzantine</c> lowest-id
/// validators follow <c>pbft.behaviour</c>; the rest are honest and know the digest. The epoch is
/// accepted when every honest validator commits it within <c>pbft.max_rounds</c>; the proposer is
/// the primary of the view that committed. Fewer than 4 active validators cannot run PBFT: the
/// epoch is then rejected.
/// </summary>
public sealed class PbftFinality(PbftSection settings, Func<IReplicaGroup> validators) : IFinality
{
    public async Task<FinalityResult> DecideAsync(ConsensusInput input, Chain.Hash256 settlement, long runSeed)
    {
        var n = input.ValidatorIds.Length;
        if (n < 4) return new FinalityResult(false, null, 0, 0);
        var digest = ToDigest(settlement, 0);
        var behaviours = Enumerable.Range(0, n)
            .Select(i => i < settings.Byzantine ? Behaviour(settings.Behaviour) : ByzantineBehaviour.None).ToArray();
        var setup = new PbftSetup(n, input.Epoch, settings.TimeoutRounds, behaviours, digest, ToDigest(settlement, 1),
            Seeds.ForShared(runSeed, input.Epoch, RngPurpose.Pbft));
        var config = setup.Config;
        var result = await PbftRoundDriver.RunAsync(validators(), setup, settings.MaxRounds);
        var committed = result.Outcome.Committed && result.Outcome.Digest == digest;
        var commits = result.Decisions.Count(d => d == digest);
        return new FinalityResult(committed, committed ? input.ValidatorIds[config.Primary(result.FinalView)] : null,
            commits, config.Quorum, result.Outcome.Rounds, result.Outcome.ViewChanges);
    }

    private static ByzantineBehaviour Behaviour(ByzantineKind kind) => kind switch
    {
        ByzantineKind.Silent => ByzantineBehaviour.Silent,
        ByzantineKind.Equivocating => ByzantineBehaviour.EquivocatingPrimary,
        ByzantineKind.WrongDigest => ByzantineBehaviour.WrongDigest,
        _ => ByzantineBehaviour.Random,
    };

    private static Digest ToDigest(Chain.Hash256 hash, byte variant)
    {
        Span<byte> bytes = stackalloc byte[32];
        hash.WriteTo(bytes);
        bytes[0] ^= variant;
        return Digest.FromBytes(bytes);
    }
}
