using System.Numerics;

namespace TokenEconSim.Domain.Market;

/// <summary>
/// A constant-product market maker between the token and a stable unit, x·y = k, with the swap
/// rule of Uniswap v2 (UniswapV2Library.getAmountOut, Adams, Zinsmeister, Robinson, "Uniswap v2
/// Core", 2020, §3.2.1): with fee f,
/// <c>out = ⌊in·(1−f)·R_out / (R_in + in·(1−f))⌋</c>, computed on integers so the rounding always
/// favours the pool and k never falls. The fee stays in the reserves, so k grows only by fees (and
/// by the rounding dust of the floor). Both sides are integers of 10⁻⁸ (token base units, stable
/// base units); the products are exact in <see cref="BigInteger"/>.
/// </summary>
public sealed class ConstantProductPool
{
    /// <summary>The fee's denominator: Uniswap v2 writes 0.3 % as 997/1000; parts per million here.</summary>
    public const long FeeScale = 1_000_000;

    public ConstantProductPool(long reserveToken, long reserveStable, long feePpm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reserveToken, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reserveStable, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(feePpm);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feePpm, FeeScale);
        ReserveToken = reserveToken;
        ReserveStable = reserveStable;
        FeePpm = feePpm;
    }

    public long ReserveToken { get; private set; }
    public long ReserveStable { get; private set; }
    public long FeePpm { get; }

    /// <summary>k = x·y, exact.</summary>
    public BigInteger K => (BigInteger)ReserveToken * ReserveStable;

    /// <summary>Spot price: stable per token.</summary>
    public double Price => ReserveStable / (double)ReserveToken;

    /// <summary>Uniswap v2's getAmountOut with the fee in parts per million; 0 for no input.</summary>
    public static long AmountOut(long amountIn, long reserveIn, long reserveOut, long feePpm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountIn);
        ArgumentOutOfRangeException.ThrowIfLessThan(reserveIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reserveOut, 1);
        var inWithFee = (BigInteger)amountIn * (FeeScale - feePpm);
        var numerator = inWithFee * reserveOut;
        var denominator = (BigInteger)reserveIn * FeeScale + inWithFee;
        return (long)(numerator / denominator);
    }

    /// <summary>Sells tokens into the pool; returns the stable paid out.</summary>
    public long SellToken(long tokensIn)
    {
        var stableOut = AmountOut(tokensIn, ReserveToken, ReserveStable, FeePpm);
        ReserveToken = checked(ReserveToken + tokensIn);
        ReserveStable -= stableOut;
        return stableOut;
    }

    /// <summary>Buys tokens with stable; returns the tokens paid out.</summary>
    public long BuyToken(long stableIn)
    {
        var tokensOut = AmountOut(stableIn, ReserveStable, ReserveToken, FeePpm);
        ReserveStable = checked(ReserveStable + stableIn);
        ReserveToken -= tokensOut;
        return tokensOut;
    }

    public void WriteState(BinaryWriter w)
    {
        w.Write(ReserveToken);
        w.Write(ReserveStable);
        w.Write(FeePpm);
    }

    public static ConstantProductPool ReadState(BinaryReader r) => new(r.ReadInt64(), r.ReadInt64(), r.ReadInt64());

    /// <summary>Takes the reserves of a pool read back with <see cref="ReadState"/> (same fee).</summary>
    public void Restore(ConstantProductPool saved)
    {
        if (saved.FeePpm != FeePpm) throw new InvalidDataException($"saved pool has fee {saved.FeePpm} ppm, this run {FeePpm}");
        ReserveToken = saved.ReserveToken;
        ReserveStable = saved.ReserveStable;
    }
}
