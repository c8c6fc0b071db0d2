using TokenEconSim.Contracts;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Production;

namespace TokenEconSim.Grains;

/// <summary>
/// A run's chain, kept apart from the block producer: it rebuilds the genesis and difficulty rules
/// from the run's scenario and validates every submitted block (linkage, time, nBits, proof,
/// merkle root) before appending it.
/// </summary>
public sealed class ChainGrain(ScenarioCache scenarios) : Grain, IChainGrain
{
    private Blockchain? _chain;

    public Task Start(string resolvedScenario, uint genesisBits)
    {
        var runId = this.GetPrimaryKeyString()[..^"/chain".Length];
        var scenario = scenarios.Get(runId, resolvedScenario).Scenario;
        _chain = PowProducer.CreateChain(scenario.Consensus, genesisBits, scenario.Run.Seed);
        return Task.CompletedTask;
    }

    public Task<ChainVerdictMessage> Submit(BlockSubmission[] blocks)
    {
        var chain = _chain ?? throw new InvalidOperationException($"chain {this.GetPrimaryKeyString()} was not started");
        foreach (var b in blocks)
        {
            var forecast = b.PredictedHashrate is { } p && b.LastHashrate is { } l
                ? new Domain.Consensus.Difficulty.HashrateForecast(p, l, b.ForecastSkill) : (Domain.Consensus.Difficulty.HashrateForecast?)null;
            var verdict = chain.Append(OrleansChainNode.ToDomain(b.Block), b.Now, forecast);
            if (!verdict.IsAccepted) return Task.FromResult(new ChainVerdictMessage((int)verdict.Rejection, verdict.Reason, b.Block.Height));
        }
        return Task.FromResult(new ChainVerdictMessage(0, BlockVerdict.Accepted.Reason));
    }

    public Task<byte[][]> Headers()
    {
        var chain = _chain ?? throw new InvalidOperationException($"chain {this.GetPrimaryKeyString()} was not started");
        return Task.FromResult(chain.Headers.Select(h =>
        {
            var bytes = new byte[BlockHeader.Size];
            h.Serialize(bytes);
            return bytes;
        }).ToArray());
    }
}
