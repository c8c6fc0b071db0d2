using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Finality;
using TokenEconSim.Domain.Consensus.Production;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus;

/// <summary>
/// An epoch of consensus: the producer makes and validates the blocks, then the validators decide
/// the settlement (blocks and rewards) through the finality rule. Rejected epochs still keep their
/// blocks (block rewards are paid; D/T/U are not, see the epoch loop).
/// </summary>
public sealed class ChainConsensus(IBlockProducer producer, IFinality finality) : IConsensus
{
    public IBlockProducer Producer => producer;

    public async Task<ConsensusOutcome> RunEpochAsync(ConsensusInput input, long runSeed)
    {
        var produced = await producer.ProduceAsync(input, runSeed);
        var decision = await finality.DecideAsync(input, SettlementDigest(input, produced), runSeed);
        var credits = new List<AgentCredit>(produced.Credits);
        if (decision.ProposerId is { } p && input.ProposerRewardUnits > 0) credits.Add(new AgentCredit(p, input.ProposerRewardUnits));
        return new ConsensusOutcome(produced.Blocks, decision.ProposerId, decision.Accepted, [.. credits],
            produced.Difficulty, WeightedChoice.Total(input.Hashrates))
        {
            BlockRecords = produced.Records,
            Debits = [.. produced.Debits],
            HashrateEstimated = produced.HashrateEstimated,
            HashratePredicted = produced.HashratePredicted,
            NakamotoHashrate = NakamotoCoefficient.Of(input.Hashrates),
            NakamotoStake = NakamotoCoefficient.Of(produced.Stakes is { } s ? [.. s] : input.Stakes),
            SlashEvents = produced.SlashEvents,
            MissedSlots = produced.MissedSlots,
            Votes = decision.Votes,
            Quorum = decision.Quorum,
            PbftRounds = decision.Rounds,
            ViewChanges = decision.ViewChanges,
            UpdateAccepted = input.UpdateVerdict is { } verdict ? verdict && decision.Accepted : null,
            Network = produced.Network,
        };
    }

    /// <summary>
    /// SHA-256d over the epoch number, its block hashes and its credits: what PBFT decides. With a
    /// model update to judge, also its digest and the verdict, so the committed value carries the
    /// decision on the update.
    /// </summary>
    private static Hash256 SettlementDigest(ConsensusInput input, ProductionResult produced)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[32];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, input.Epoch);
        hash.AppendData(buffer[..4]);
        foreach (var r in produced.Records) hash.AppendData(Encoding.ASCII.GetBytes(r.Hash));
        foreach (var c in produced.Credits)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, c.AgentId);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[4..], c.Units);
            hash.AppendData(buffer[..12]);
        }
        if (input.UpdateVerdict is { } verdict)
        {
            input.ModelDigest.WriteTo(buffer);
            hash.AppendData(buffer);
            hash.AppendData([verdict ? (byte)1 : (byte)0]);
        }
        return Sha256d.Hash(hash.GetHashAndReset());
    }
}
