using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus;

/// <summary>
/// Sampled proof of work (SPEC §7): inter-block times ~ Exp(mean D·2³²/H) for difficulty D and total
/// hashrate H (a block needs 2³²·D hashes on average at Bitcoin's difficulty-1 target), each block
/// won with probability ∝ hashrate. Difficulty is fixed at the value that meets the target block
/// time at the first epoch's hashrate (difficulty algorithms arrive with issue 3). One proposer per
/// epoch is drawn ∝ stake; the epoch is accepted when valid votes ≥ 2f+1 with n = 3f+1 validators.
/// </summary>
public sealed class SampledPowConsensus(ConsensusSection settings, double epochLength) : IConsensus
{
    private const double HashesPerDifficulty = 4294967296.0; // 2^32
    private double _difficulty = double.NaN;
    private double _lastBlockTime;
    private long _height;

    public double Difficulty => _difficulty;

    public ConsensusOutcome RunEpoch(ConsensusInput input, long runSeed)
    {
        var total = WeightedChoice.Total(input.Hashrates);
        if (double.IsNaN(_difficulty) && total > 0)
            _difficulty = settings.TargetBlockTime * total / HashesPerDifficulty;

        var blocks = ProduceBlocks(input, total, Seeds.SharedRng(runSeed, input.Epoch, RngPurpose.BlockProduction));
        var credits = new List<AgentCredit>();
        foreach (var b in blocks) credits.Add(new AgentCredit(b.ProducerId, input.BlockRewardUnits));

        var proposerRng = Seeds.SharedRng(runSeed, input.Epoch, RngPurpose.ProposerSelection);
        var pick = WeightedChoice.Pick(input.Stakes, WeightedChoice.Total(input.Stakes), proposerRng);
        int? proposer = pick >= 0 ? input.ValidatorIds[pick] : null;
        if (proposer is { } p && input.ProposerRewardUnits > 0) credits.Add(new AgentCredit(p, input.ProposerRewardUnits));

        var accepted = Committee.Accepts(input.ValidVotes, input.ValidatorCount);
        return new ConsensusOutcome(blocks, proposer, accepted, [.. credits], _difficulty, total);
    }

    private List<ProducedBlock> ProduceBlocks(ConsensusInput input, double totalHashrate, Random rng)
    {
        var blocks = new List<ProducedBlock>();
        if (!(totalHashrate > 0)) return blocks;
        if (settings.BlockTiming == BlockTiming.Fixed)
        {
            // Whole blocks that fit in the epoch (the tolerance keeps 6000 / 600 at exactly 10).
            var count = (int)Math.Floor(epochLength / settings.TargetBlockTime + 1e-9);
            for (var j = 0; j < count; j++)
                blocks.Add(Block(input.EpochStart + (j + 1) * settings.TargetBlockTime, input, totalHashrate, rng));
            _lastBlockTime = input.EpochEnd;
            return blocks;
        }
        var meanInterval = _difficulty * HashesPerDifficulty / totalHashrate;
        var t = Math.Max(_lastBlockTime, input.EpochStart);
        while (true)
        {
            // Exp(mean) by inversion: memoryless, so restarting at the epoch boundary changes nothing.
            t += -meanInterval * Math.Log(1 - rng.NextDouble());
            if (t >= input.EpochEnd) break;
            blocks.Add(Block(t, input, totalHashrate, rng));
            _lastBlockTime = t;
        }
        return blocks;
    }

    private ProducedBlock Block(double time, ConsensusInput input, double totalHashrate, Random rng)
    {
        var winner = WeightedChoice.Pick(input.Hashrates, totalHashrate, rng);
        return new ProducedBlock(++_height, time, input.MinerIds[winner]);
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
