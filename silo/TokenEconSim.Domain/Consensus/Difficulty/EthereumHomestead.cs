using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Ethereum's Homestead difficulty rule, EIP-2 (github.com/ethereum/EIPs, EIPS/eip-2.md):
/// diff = parent + parent // 2048 · max(1 − (t − t_parent) // 10, −99) + int(2^(number // 100000 − 2)),
/// never below the minimum difficulty 131072. The last term is the "difficulty bomb", off by default
/// here; as in go-ethereum's calcDifficultyHomestead the minimum is applied before the bomb is added.
/// </summary>
public static class EthereumHomestead
{
    public const long MinimumDifficulty = 131072;
    public const long BoundDivisor = 2048;
    public const long DurationLimit = 10;
    public const ulong ExpDiffPeriod = 100000;

    /// <summary>Difficulty of the block after a parent. Timestamps and the number are uint64 as in
    /// Ethereum headers; the timestamp difference is taken in unbounded integers. The duration limit
    /// and minimum default to mainnet's and are parameters only so a simulation can rescale them.</summary>
    public static BigInteger NextDifficulty(BigInteger parentDifficulty, ulong parentTimestamp, ulong timestamp, ulong blockNumber, bool bomb = false,
        long durationLimit = DurationLimit, long minimumDifficulty = MinimumDifficulty)
    {
        if (durationLimit <= 0) throw new ArgumentOutOfRangeException(nameof(durationLimit), "must be positive");
        if (parentDifficulty.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(parentDifficulty), "must be positive");

        // EIP-2 uses Python's floor division; BigInteger '/' truncates, so floor explicitly for an
        // (invalid in Ethereum, tolerated here) timestamp before the parent's.
        var adjustment = BigInteger.Max(1 - FloorDiv((BigInteger)timestamp - parentTimestamp, durationLimit), -99);
        var next = parentDifficulty + parentDifficulty / BoundDivisor * adjustment;
        if (next < minimumDifficulty) next = minimumDifficulty;

        if (bomb)
        {
            // int(2 ** k) is 0 for negative k: the bomb starts at block 200000.
            var k = (long)(blockNumber / ExpDiffPeriod) - 2;
            if (k >= 0) next += BigInteger.One << (int)k;
        }
        return next;
    }

    private static BigInteger FloorDiv(BigInteger a, long b) => BigInteger.DivRem(a, b, out var r) - (r.Sign < 0 ? 1 : 0);
}
