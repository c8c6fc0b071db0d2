using System.Globalization;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// One run of a sweep or a tune: its index (runs.csv order), its point, the point's overrides in
/// `--set` form (the seed apart), the seed, and the name of its folder under runs/.
/// </summary>
public sealed record SweepJob(int Index, int Point, IReadOnlyList<KeyValuePair<string, string>> Overrides, long Seed, string Folder)
{
    public IReadOnlyList<KeyValuePair<string, string>> OverridesWithSeed =>
        [.. Overrides, new("run.seed", Seed.ToString(CultureInfo.InvariantCulture))];

    /// <summary>p012-s3: the point zero-padded to <paramref name="width"/> digits so folders list in order.</summary>
    public static string FolderName(string prefix, int point, int width, long seed) =>
        $"{prefix}{point.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}-s{seed.ToString(CultureInfo.InvariantCulture)}";
}
