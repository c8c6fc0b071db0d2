using TokenEconSim.Domain.Consensus.ProofOfStake;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Proof of stake through <see cref="PosEngine"/>: one proposer per slot ∝ stake, signed headers,
/// equivocation by the Byzantine validators (the <c>pos.byzantine</c> lowest ids) detected from the
/// signatures and slashed once per offence. Each block pays its proposer the block reward; slashed
/// stake is burned from the validator's balance. The validator set is fixed at the first epoch.
/// </summary>
public sealed class PosProducer(ConsensusSection settings, double epochLength) : IBlockProducer, IDisposable
{
    private PosEngine? _engine;
    private long _height;

    public Task<ProductionResult> ProduceAsync(ConsensusInput input, long runSeed) => Task.FromResult(Produce(input, runSeed));

    private ProductionResult Produce(ConsensusInput input, long runSeed)
    {
        _engine ??= Start(input, runSeed);
        var slots = SlotClock.SlotsPerEpoch(epochLength, settings.TargetBlockTime);
        var result = _engine.RunSlots((long)input.Epoch * slots, slots);
        var blocks = new List<ProducedBlock>();
        var records = new List<BlockRecord>();
        var credits = new List<AgentCredit>();
        foreach (var b in result.Blocks)
        {
            var time = SlotClock.TimeOf(input, settings.TargetBlockTime, (int)(b.Slot - (long)input.Epoch * slots));
            blocks.Add(new ProducedBlock(++_height, time, b.ProposerId));
            records.Add(new BlockRecord(_height, input.Epoch, time, b.ProposerId, 0, b.Hash.ToString()));
            credits.Add(new AgentCredit(b.ProposerId, input.BlockRewardUnits));
        }
        return new ProductionResult(blocks, records, credits, double.NaN, double.NaN)
        {
            Debits = [.. result.Slashes.Select(s => new AgentCredit(s.ValidatorId, s.UnitsBurned))],
            SlashEvents = result.Slashes.Count,
            Stakes = [.. result.Stakes.Select(s => (double)s.Stake)],
        };
    }

    private PosEngine Start(ConsensusInput input, long runSeed)
    {
        var pos = settings.Pos;
        var validators = input.ValidatorIds.Select((id, i) =>
            new PosValidator(id, TokenUnits.FromTokens(input.Stakes[i]), Byzantine: i < pos.Byzantine));
        return new PosEngine(runSeed, validators, new PosSettings(UnitFraction.FromDouble(pos.SlashFraction), pos.EquivocationProbability,
            pos.JailSlots));
    }

    public void Dispose() => _engine?.Dispose();
}
