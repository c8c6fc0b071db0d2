using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Parameters of Bitcoin's retarget (Bitcoin Core's <c>Consensus::Params</c>: nPowTargetTimespan,
/// nPowTargetSpacing, powLimit). Defaults are mainnet's. <see cref="ClampFactor"/> is Core's
/// hard-coded 4, made configurable for experiments.
/// </summary>
public sealed record BitcoinRetargetParams
{
    /// <summary>Mainnet powLimit, 0x00000000ffff…ff (Core's src/kernel/chainparams.cpp).</summary>
    public static readonly BigInteger MainnetPowLimit = (BigInteger.One << 224) - 1;

    public static BitcoinRetargetParams Mainnet { get; } = new();

    public long PowTargetTimespan { get; init; } = 14 * 24 * 3600;
    public long PowTargetSpacing { get; init; } = 600;
    public BigInteger PowLimit { get; init; } = MainnetPowLimit;
    public long ClampFactor { get; init; } = 4;

    /// <summary>Blocks per retarget window (Core's DifficultyAdjustmentInterval): timespan / spacing.</summary>
    public long Interval => PowTargetTimespan / PowTargetSpacing;

    public void Validate()
    {
        if (PowTargetSpacing <= 0) throw new ArgumentException("PowTargetSpacing must be positive");
        if (PowTargetTimespan < PowTargetSpacing) throw new ArgumentException("PowTargetTimespan must be ≥ PowTargetSpacing");
        if (ClampFactor < 1) throw new ArgumentException("ClampFactor must be ≥ 1");
        if (PowLimit.Sign <= 0 || PowLimit > CompactTarget.Max256) throw new ArgumentException("PowLimit must be in (0, 2^256)");
    }
}
