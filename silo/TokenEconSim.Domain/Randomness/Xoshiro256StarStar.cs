namespace TokenEconSim.Domain.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018,
/// https://prng.di.unimi.it/xoshiro256starstar.c) exposed as a <see cref="Random"/> so that
/// MathNet.Numerics samplers can draw from it.
/// </summary>
/// <remarks>
/// Written by hand because determinism needs two things no library gives together: seeding from a
/// 64-bit value derived from (run seed, agent id) and a state that can be saved and restored per
/// agent (MathNet's generator seeds from an <c>int</c> and hides its state; <see cref="Random"/>'s
/// algorithm is not specified across .NET versions). One instance is reused across many agents by
/// <see cref="Load"/>/<see cref="Store"/>, so the per-agent path allocates nothing.
/// </remarks>
public sealed class Xoshiro256StarStar : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed) => Reseed(seed);

    /// <summary>Sets the state from a 64-bit seed expanded with SplitMix64, as the authors recommend.</summary>
    public void Reseed(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>Loads the 4-word state stored at <paramref name="slot"/> (4 words per slot).</summary>
    public void Load(ulong[] states, int slot)
    {
        var o = slot * 4;
        _s0 = states[o]; _s1 = states[o + 1]; _s2 = states[o + 2]; _s3 = states[o + 3];
    }

    /// <summary>Stores the 4-word state into <paramref name="slot"/>.</summary>
    public void Store(ulong[] states, int slot)
    {
        var o = slot * 4;
        states[o] = _s0; states[o + 1] = _s1; states[o + 2] = _s2; states[o + 3] = _s3;
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits (the authors' recommended conversion).</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    /// <summary>[0, int.MaxValue), as <see cref="Random.Next()"/> promises: the top value is rejected.</summary>
    public override int Next()
    {
        while (true)
        {
            var x = (int)(NextUInt64() >> 33);
            if (x != int.MaxValue) return x;
        }
    }

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextInt64(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + NextInt64((long)maxValue - minValue));
    }

    /// <summary>[0, long.MaxValue): the top value is rejected.</summary>
    public override long NextInt64()
    {
        while (true)
        {
            var x = (long)(NextUInt64() >> 1);
            if (x != long.MaxValue) return x;
        }
    }

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        if (maxValue <= 1) return 0;
        // Lemire's nearly divisionless bounded integer, with rejection: unbiased.
        var range = (ulong)maxValue;
        var threshold = (0 - range) % range;
        while (true)
        {
            var x = NextUInt64();
            var hi = Math.BigMul(x, range, out var lo);
            if (lo >= threshold) return (long)hi;
        }
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + NextInt64(maxValue - minValue);
    }

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BitConverter.TryWriteBytes(buffer, NextUInt64());
            buffer = buffer[8..];
        }
        if (buffer.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BitConverter.TryWriteBytes(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }
}
