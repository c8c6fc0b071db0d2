namespace TokenEconSim.Domain.Chain;

/// <summary>Validation settings of a chain beyond its difficulty algorithm.</summary>
public sealed record ChainRules
{
    /// <summary>Bitcoin Core's MAX_FUTURE_BLOCK_TIME (src/chain.h): two hours.</summary>
    public const long BitcoinMaxFutureBlockTime = 2 * 60 * 60;

    public static ChainRules Default { get; } = new();

    public ProofMode Proof { get; init; } = ProofMode.Real;

    /// <summary>Seconds a block's time may be ahead of the validator's "now".</summary>
    public long MaxFutureBlockTime { get; init; } = BitcoinMaxFutureBlockTime;
}
