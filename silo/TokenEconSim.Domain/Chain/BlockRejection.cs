namespace TokenEconSim.Domain.Chain;

/// <summary>Why a block was refused; one value per rule, so each violation is identifiable.</summary>
public enum BlockRejection
{
    None,
    /// <summary>Height is not tip + 1.</summary>
    BadHeight,
    /// <summary>Previous hash is not the tip's hash (Core: prev-blk-not-found).</summary>
    BadPrevHash,
    /// <summary>Time ≤ median time past of the tip (Core: time-too-old).</summary>
    TimeTooOld,
    /// <summary>Time beyond now + the future limit (Core: time-too-new).</summary>
    TimeTooNew,
    /// <summary>nBits differ from the difficulty algorithm's (Core: bad-diffbits).</summary>
    BadBits,
    /// <summary>nBits decode to a negative, zero, overflowing or above-limit target.</summary>
    InvalidTarget,
    /// <summary>Header hash above the target (Core: high-hash).</summary>
    HighHash,
    /// <summary>Merkle root does not match the transactions (Core: bad-txnmrklroot).</summary>
    BadMerkleRoot,
    /// <summary>A txid repeats (Core: bad-txns-duplicate).</summary>
    DuplicateTransaction,
}

/// <summary>The result of validating a block: accepted, or the rule it broke and why.</summary>
public readonly record struct BlockVerdict(BlockRejection Rejection, string Reason)
{
    public static BlockVerdict Accepted { get; } = new(BlockRejection.None, "accepted");

    public bool IsAccepted => Rejection == BlockRejection.None;

    public static BlockVerdict Reject(BlockRejection rejection, string reason) => new(rejection, reason);

    public override string ToString() => IsAccepted ? Reason : $"{Rejection}: {Reason}";
}
