using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Everything the difficulty algorithms can be configured with; each reads its own fields. Defaults
/// are the mainnets' (Bitcoin's powLimit and 2016-block window, BCH's two-day half-life, Ethereum's
/// Homestead constants with the bomb off). A small simulated difficulty is a large
/// <see cref="PowLimit"/> / <see cref="InitialBits"/>.
/// </summary>
public sealed record DifficultySettings
{
    public static DifficultySettings Mainnet { get; } = new();

    /// <summary>Target seconds between blocks.</summary>
    public long TargetSpacing { get; init; } = 600;

    /// <summary>The easiest target allowed (Bitcoin's powLimit; ASERT's max_bits target).</summary>
    public BigInteger PowLimit { get; init; } = BitcoinRetargetParams.MainnetPowLimit;

    /// <summary>Genesis nBits; null means the pow limit's own compact form.</summary>
    public uint? InitialBits { get; init; }

    /// <summary>bitcoin: blocks per retarget window (mainnet 2016).</summary>
    public long RetargetWindow { get; init; } = 2016;

    /// <summary>bitcoin: a window's measured timespan is clamped to [T/k, T·k].</summary>
    public long ClampFactor { get; init; } = 4;

    /// <summary>lstm: η, the weight of the predicted relative hashrate change (the seeds' [0.01, 0.1]).</summary>
    public double Eta { get; init; } = 0.05;
    /// <summary>predictive_asert: the forecast's weight at skill 1.</summary>
    public double TrustMax { get; init; } = 0.8;
    /// <summary>asert: seconds ahead of schedule that double the difficulty.</summary>
    public long HalfLife { get; init; } = 2 * 24 * 3600;

    /// <summary>ethereum: the difficulty bomb (EIP-2's exponential term).</summary>
    public bool EthereumBomb { get; init; }

    /// <summary>ethereum: minimum difficulty (131072 on mainnet, expected hashes per block). It is
    /// also the easiest target, 2^256 / D. Keep it ≥ 2048: below that EIP-2's step D // 2048 is 0
    /// and the difficulty can never rise.</summary>
    public long EthereumMinimumDifficulty { get; init; } = EthereumHomestead.MinimumDifficulty;

    /// <summary>ethereum: seconds per step of EIP-2's adjustment, 10 on mainnet; raise it to aim
    /// Homestead at longer block times.</summary>
    public long EthereumDurationLimit { get; init; } = EthereumHomestead.DurationLimit;

    /// <summary>The genesis nBits these settings give.</summary>
    public uint ResolveInitialBits() => InitialBits ?? CompactTarget.Encode(PowLimit);
}
