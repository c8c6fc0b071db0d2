using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.Finality;

/// <summary>
/// Counted votes: each validator votes valid with <c>vote_valid_probability</c> (drawn in its own
/// stream by its shard), the epoch is accepted with at least 2f+1 valid votes out of n = 3f+1
/// (<see cref="Committee"/>), and one proposer is drawn ∝ stake.
/// </summary>
public sealed class VoteFinality : IFinality
{
    public Task<FinalityResult> DecideAsync(ConsensusInput input, Chain.Hash256 settlement, long runSeed) =>
        Task.FromResult(Decide(input, runSeed));

    private static FinalityResult Decide(ConsensusInput input, long runSeed)
    {
        var rng = Seeds.SharedRng(runSeed, input.Epoch, RngPurpose.ProposerSelection);
        var pick = WeightedChoice.Pick(input.Stakes, WeightedChoice.Total(input.Stakes), rng);
        return new FinalityResult(Committee.Accepts(input.ValidVotes, input.ValidatorCount), pick >= 0 ? input.ValidatorIds[pick] : null,
            input.ValidVotes, Committee.Quorum(input.ValidatorCount));
    }
}

/// <summary>PBFT's quorum rule (Castro and Liskov, OSDI 1999): n = 3f+1 tolerates f faults; 2f+1 votes decide.</summary>
public static class Committee
{
    public static int FaultsTolerated(int validators) => validators <= 0 ? 0 : (validators - 1) / 3;

    public static int Quorum(int validators) => 2 * FaultsTolerated(validators) + 1;

    /// <summary>With no validators there is no committee and every epoch is accepted.</summary>
    public static bool Accepts(int validVotes, int validators) => validators == 0 || validVotes >= Quorum(validators);
}
