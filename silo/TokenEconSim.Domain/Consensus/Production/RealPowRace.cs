using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Real proof of work: every miner grinds SHA-256d nonces of its own header (its own reward makes
/// its merkle root differ) in rounds of N nonces network-wide, each miner trying its hashrate share
/// of them (<see cref="PowRace.NonceRange"/>). A round is N / H seconds of simulated time; the
/// header's time is rolled to the round's time and nBits follow it. The first round in which any
/// miner finds hash ≤ target ends the race; among that round's solutions the lowest hash wins
/// (<see cref="PowRace.Winner"/>), so the outcome does not depend on who reports first.
/// </summary>
public sealed class RealPowRace(double expectedHashesPerBlock, INonceSearcher miners)
{
    private const int RoundsPerBlock = 64;
    // N from the expected hashes at the genesis target, so a block takes ~64 rounds.
    private readonly long _noncesPerRound = (long)Math.Max(16, Math.Round(expectedHashesPerBlock / RoundsPerBlock));

    public long NoncesPerRound => _noncesPerRound;

    /// <summary>Mines the next block before the epoch ends and returns it with its time, or a null block.</summary>
    public async Task<(Block? Block, double Time)> MineAsync(Blockchain chain, ConsensusInput input, double totalHashrate, double t,
        HashrateForecast? forecast, Func<int, IReadOnlyList<ChainTransaction>> transactions)
    {
        var shares = PowRace.Shares(input.Hashrates);
        var templates = new Block[input.MinerIds.Length];
        for (var i = 0; i < templates.Length; i++)
            templates[i] = Block.Assemble(chain.TipHeight + 1, chain.TipHash, 0, 0, transactions(input.MinerIds[i]), input.MinerIds[i]);
        var roundSeconds = PowRace.RoundSeconds(_noncesPerRound, totalHashrate);
        for (long round = 0; ; round++)
        {
            var time = t + (round + 1) * roundSeconds;
            if (time >= input.EpochEnd) return (null, t);
            var headerTime = PowProducer.HeaderTime(chain, time);
            var bits = chain.RequiredBits(headerTime, forecast);
            var target = ProofOfWork.TargetOf(bits);
            var orders = new List<GrindOrder>(templates.Length);
            for (var i = 0; i < templates.Length; i++)
            {
                var (start, end) = PowRace.NonceRange(shares[i], _noncesPerRound, round);
                if (start < end) orders.Add(new GrindOrder(i, templates[i].Header with { Time = headerTime, Bits = bits }, start, end, target));
            }
            if (orders.Count == 0)
                throw new InvalidOperationException(
                    $"epoch {input.Epoch}: the miners used up the 2^32 nonces without a block; lower target_block_time × hashrate for real hashing");
            var results = await miners.SearchAsync(orders);
            var best = PowRace.Winner(orders.Zip(results).Where(x => x.Second.Found)
                .Select(x => new RaceSolution(x.First.MinerIndex, round, x.Second.Nonce, x.Second.Hash)));
            if (best is { } winner)
            {
                var template = templates[winner.MinerId];
                return (template with { Header = template.Header with { Time = headerTime, Bits = bits, Nonce = winner.Nonce } }, time);
            }
        }
    }
}
