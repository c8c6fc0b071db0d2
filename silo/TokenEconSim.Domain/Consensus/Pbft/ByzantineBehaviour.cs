namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>How a validator behaves in PBFT; scenarios choose it per validator. The numbers are stable.</summary>
public enum ByzantineBehaviour
{
    /// <summary>Follows the protocol.</summary>
    None = 0,

    /// <summary>Sends nothing (crashed, or withholding).</summary>
    Silent = 1,

    /// <summary>As a primary, pre-prepares one digest to half the replicas and another to the rest; otherwise honest.</summary>
    EquivocatingPrimary = 2,

    /// <summary>Prepares and commits a digest other than the one pre-prepared; otherwise honest.</summary>
    WrongDigest = 3,

    /// <summary>Each round sends a few protocol messages with random views and digests to random replicas (seeded).</summary>
    Random = 4,
}
