using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Real proof of work: every miner grinds SHA-256d nonces of its own header (its own reward makes
/// its merkle root differ) in rounds of N nonces network-wide, each miner trying its hashrate share
/// of them (<see cref="PowRace.NonceRange"/>). A round is N / H seconds of simulated time; the
/// header's time is rolled to the round's time and nBits follow it. The first round in which any
/// miner finds hash ≤ target ends the race; among that round's solutions the lowest hash wins
/// (<see cref="PowRace.Winner"/>), so the outcome does not depend on who reports first.
/// </summary>
public sealed class RealPowRace
{
    private const int RoundsPerBlock = 64;
    private readonly long _noncesPerRound;

    /// <param name="expectedHashesPerBlock">At the genesis target; sets N so a block takes ~64 rounds.</param>
    public RealPowRace(double expectedHashesPerBlock) =>
        _noncesPerRound = (long)Math.Max(16, Math.Round(expectedHashesPerBlock / RoundsPerBlock));

    public long NoncesPerRound => _noncesPerRound;

    /// <summary>Mines the next block before the epoch ends (advancing <paramref name="t"/> to its time), or returns null.</summary>
    public Block? Mine(Blockchain chain, ConsensusInput input, double totalHashrate, ref double t,
        Func<int, IReadOnlyList<ChainTransaction>> transactions)
    {
        var shares = PowRace.Shares(input.Hashrates);
        var templates = new Block[input.MinerIds.Length];
        for (var i = 0; i < templates.Length; i++)
            templates[i] = Block.Assemble(chain.TipHeight + 1, chain.TipHash, 0, 0, transactions(input.MinerIds[i]), input.MinerIds[i]);
        var roundSeconds = PowRace.RoundSeconds(_noncesPerRound, totalHashrate);
        for (long round = 0; ; round++)
        {
            var time = t + (round + 1) * roundSeconds;
            if (time >= input.EpochEnd) return null;
            var headerTime = PowProducer.HeaderTime(chain, time);
            var bits = chain.RequiredBits(headerTime);
            var target = ProofOfWork.TargetOf(bits);
            RaceSolution? best = null;
            var anyWork = false;
            for (var i = 0; i < templates.Length; i++)
            {
                var (start, end) = PowRace.NonceRange(shares[i], _noncesPerRound, round);
                if (start >= end) continue;
                anyWork = true;
                var header = templates[i].Header with { Time = headerTime, Bits = bits };
                var found = NonceGrinder.Search(header, start, end, target);
                if (found.Found) best = PowRace.Winner(best is { } b ? [b, new RaceSolution(i, round, found.Nonce, found.Hash)] : [new RaceSolution(i, round, found.Nonce, found.Hash)]);
            }
            if (!anyWork)
                throw new InvalidOperationException(
                    $"epoch {input.Epoch}: the miners used up the 2^32 nonces without a block; lower target_block_time × hashrate for real hashing");
            if (best is { } winner)
            {
                t = time;
                var template = templates[winner.MinerId];
                return template with { Header = template.Header with { Time = headerTime, Bits = bits, Nonce = winner.Nonce } };
            }
        }
    }
}
