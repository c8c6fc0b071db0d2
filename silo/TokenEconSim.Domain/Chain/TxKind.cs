namespace TokenEconSim.Domain.Chain;

/// <summary>
/// Kinds of the economy's on-chain records. The byte values are part of the canonical encoding and
/// so of every txid: never renumber one, only add.
/// </summary>
public enum TxKind : byte
{
    /// <summary>Units minted to an agent (block reward, contribution reward).</summary>
    Reward = 1,
    /// <summary>Units an agent paid as a fee and that were burned.</summary>
    Fee = 2,
    /// <summary>A data provider's batch, identified by the SHA-256d of its content.</summary>
    DataBatch = 3,
    /// <summary>A trainer's model update, identified by the SHA-256d of its parameters.</summary>
    ModelUpdate = 4,
    /// <summary>Units taken from a validator's stake.</summary>
    Slash = 5,
}
