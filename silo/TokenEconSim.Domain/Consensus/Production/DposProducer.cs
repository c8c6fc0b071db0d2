using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.DelegatedProofOfStake;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Delegated proof of stake through <see cref="DposEngine"/>. The holders are the validators (their
/// stake), each first delegating to a candidate validator drawn ∝ stake; every epoch the top K by
/// delegated stake produce in a fixed rotation, missed slots are recorded, and each block reward is
/// shared with the producer's delegators after its commission. Block hashes chain SHA-256d over
/// (previous hash, slot, producer), so blocks.csv links like any chain.
/// </summary>
public sealed class DposProducer(ConsensusSection settings, double epochLength) : IBlockProducer
{
    private DposEngine? _engine;
    private IReadOnlyList<Delegation>? _delegations;
    private Hash256 _tip;
    private long _height;

    public Task<ProductionResult> ProduceAsync(ConsensusInput input, long runSeed) => Task.FromResult(Produce(input, runSeed));

    private ProductionResult Produce(ConsensusInput input, long runSeed)
    {
        var slots = SlotClock.SlotsPerEpoch(epochLength, settings.TargetBlockTime);
        var d = settings.Dpos;
        _engine ??= new DposEngine(runSeed, new DposSettings(d.Producers, slots, UnitFraction.FromDouble(d.Commission), d.MissProbability,
            d.RedelegationProbability));
        _delegations ??= InitialDelegations(input, runSeed);
        var result = _engine.RunEpoch(input.Epoch, (long)input.Epoch * slots, _delegations, input.BlockRewardUnits);
        _delegations = result.Delegations;

        var blocks = new List<ProducedBlock>();
        var records = new List<BlockRecord>();
        foreach (var slot in result.Slots.Where(s => s.Produced))
        {
            var time = SlotClock.TimeOf(input, settings.TargetBlockTime, (int)(slot.Slot - (long)input.Epoch * slots));
            _tip = LinkHash(_tip, slot.Slot, slot.ProducerId);
            blocks.Add(new ProducedBlock(++_height, time, slot.ProducerId));
            records.Add(new BlockRecord(_height, input.Epoch, time, slot.ProducerId, 0, _tip.ToString()));
        }
        return new ProductionResult(blocks, records, [.. result.Payouts.Select(p => new AgentCredit(p.AgentId, p.Units))], double.NaN, double.NaN)
        {
            MissedSlots = result.ProducerRecords.Sum(r => r.Missed),
            Stakes = [.. result.DelegatedStake.Values.Select(v => (double)v)],
        };
    }

    private static IReadOnlyList<Delegation> InitialDelegations(ConsensusInput input, long runSeed)
    {
        var rng = Seeds.SharedRng(runSeed, 0, RngPurpose.InitialDelegation);
        var total = WeightedChoice.Total(input.Stakes);
        return [.. input.ValidatorIds.Select((id, i) => new Delegation(id, TokenUnits.FromTokens(input.Stakes[i]),
            input.ValidatorIds[WeightedChoice.Pick(input.Stakes, total, rng)]))];
    }

    private static Hash256 LinkHash(Hash256 previous, long slot, int producer)
    {
        Span<byte> data = stackalloc byte[32 + 8 + 4];
        previous.WriteTo(data);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(data[32..], slot);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(data[40..], producer);
        return Sha256d.Hash(data);
    }
}
