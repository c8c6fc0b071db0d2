using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>Construction-time checks shared by the difficulty algorithms.</summary>
internal static class DifficultyGuards
{
    /// <summary>Genesis bits must be a usable target no easier than the pow limit, or the chain
    /// would start with a block its own rules reject.</summary>
    public static uint CheckInitialBits(uint bits, BigInteger powLimit)
    {
        var target = CompactTarget.ToTarget(bits);
        if (target > powLimit)
            throw new ArgumentOutOfRangeException(nameof(bits), $"initial nBits 0x{bits:x8} is easier than the pow limit");
        return bits;
    }
}
