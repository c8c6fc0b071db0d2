using TokenEconSim.Contracts;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;

namespace TokenEconSim.Grains;

/// <summary>
/// The run's chain grain as the producer's <see cref="IChainNode"/>; blocks cross as header and transaction bytes, an epoch's in one call.
/// </summary>
public sealed class OrleansChainNode(IGrainFactory grains, string runId, string resolvedScenario) : IChainNode
{
    private IChainGrain Grain => grains.GetGrain<IChainGrain>(GrainKeys.Chain(runId));

    public Task StartAsync(uint genesisBits) => Grain.Start(resolvedScenario, genesisBits);

    public async Task<SubmissionVerdict> SubmitAsync(IReadOnlyList<SubmittedBlock> blocks)
    {
        var verdict = await Grain.Submit([.. blocks.Select(b => new BlockSubmission(ToWire(b.Block), b.Now, b.Forecast?.Predicted,
            b.Forecast?.Last, b.Forecast?.Skill ?? 0))]);
        return new SubmissionVerdict(verdict.Height, new BlockVerdict((BlockRejection)verdict.Rejection, verdict.Reason));
    }

    private static BlockMessage ToWire(Block block)
    {
        var header = new byte[BlockHeader.Size];
        block.Header.Serialize(header);
        var transactions = block.Transactions.Select(t =>
        {
            var bytes = new byte[t.EncodedSize];
            t.Encode(bytes);
            return bytes;
        }).ToArray();
        return new BlockMessage(block.Height, header, transactions, block.ProducerId);
    }

    internal static Block ToDomain(BlockMessage m) =>
        new(m.Height, BlockHeader.Deserialize(m.Header), [.. m.Transactions.Select(t => ChainTransaction.Decode(t))], m.ProducerId);
}
