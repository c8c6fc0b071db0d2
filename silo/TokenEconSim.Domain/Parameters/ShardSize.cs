using System.Globalization;

namespace TokenEconSim.Domain.Parameters;

/// <summary>
/// <c>run.agents_per_grain</c>: a fixed number of agents per shard, or <c>auto</c>. Sharding never
/// changes a result (every agent draws from its own stream, every sum is exact), so auto may
/// depend on the machine: it aims at shards of at least <see cref="AutoMinimum"/> agents (a grain
/// call costs a few µs, an agent-step well under one) and at most <see cref="ShardsPerCore"/> shards
/// per core (enough to balance roles of unequal cost across the cores).
/// </summary>
public readonly record struct ShardSize(int Fixed)
{
    public const int Max = 100_000_000;
    public const int AutoMinimum = 1_000;
    public const int ShardsPerCore = 8;

    public static ShardSize Auto => new(0);

    public bool IsAuto => Fixed == 0;

    /// <summary>Agents per shard for <paramref name="agents"/> agents on <paramref name="cores"/> cores.</summary>
    public int Resolve(long agents, int cores)
    {
        if (!IsAuto) return Fixed;
        var shards = Math.Clamp((agents + AutoMinimum - 1) / AutoMinimum, 1, (long)Math.Max(1, cores) * ShardsPerCore);
        return (int)Math.Clamp((agents + shards - 1) / shards, 1, Max);
    }

    public override string ToString() => IsAuto ? "auto" : Fixed.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out ShardSize size, out string error)
    {
        size = default;
        error = "";
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            size = Auto;
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Max)
        {
            size = new ShardSize(n);
            return true;
        }
        error = $"expected auto or an integer from 1 to {Max}, got '{text}'";
        return false;
    }
}
