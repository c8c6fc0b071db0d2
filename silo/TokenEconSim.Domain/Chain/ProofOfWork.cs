using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Chain;

/// <summary>Outcome of a proof-of-work check; every failure is a distinct reason.</summary>
public enum PowStatus
{
    Ok,
    NegativeTarget,
    ZeroTarget,
    OverflowTarget,
    AbovePowLimit,
    HashAboveTarget,
}

/// <summary>
/// Bitcoin Core's <c>CheckProofOfWork</c> / <c>DeriveTarget</c> (src/pow.cpp): nBits must decode to
/// a target that is not negative, zero, overflowing or easier than the pow limit, and the header
/// hash, read as a 256-bit little-endian integer, must not exceed it.
/// </summary>
public static class ProofOfWork
{
    public static PowStatus CheckTarget(uint bits, BigInteger powLimit, out BigInteger target)
    {
        var d = CompactTarget.Decode(bits);
        target = d.Target;
        if (d.IsNegative) return PowStatus.NegativeTarget;
        // Overflow before zero: an overflowing target reads as 0 once cut to 256 bits.
        if (d.IsOverflow) return PowStatus.OverflowTarget;
        if (d.Target.IsZero) return PowStatus.ZeroTarget;
        return d.Target > powLimit ? PowStatus.AbovePowLimit : PowStatus.Ok;
    }

    public static PowStatus Check(Hash256 hash, uint bits, BigInteger powLimit)
    {
        var status = CheckTarget(bits, powLimit, out var target);
        if (status != PowStatus.Ok) return status;
        return hash <= Hash256.FromBigInteger(target) ? PowStatus.Ok : PowStatus.HashAboveTarget;
    }

    /// <summary>The target of valid nBits as a <see cref="Hash256"/>, for allocation-free comparison.</summary>
    public static Hash256 TargetOf(uint bits) => Hash256.FromBigInteger(CompactTarget.ToTarget(bits));
}
