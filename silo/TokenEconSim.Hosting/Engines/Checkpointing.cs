namespace TokenEconSim.Hosting.Engines;

/// <summary>
/// How an engine checkpoints a run: every <paramref name="Every"/> epochs (0 = never), handing each
/// checkpoint to <paramref name="Saved"/> (epochs complete, bytes); or it continues a run from
/// <paramref name="ResumeFrom"/>.
/// </summary>
public sealed record Checkpointing(int Every, Func<int, byte[], Task>? Saved = null, byte[]? ResumeFrom = null)
{
    /// <summary>The default interval of `silo run` (docs/cluster.md): cheap, and a crash loses at most this many epochs of work.</summary>
    public const int DefaultEvery = 10;

    public static Checkpointing None { get; } = new(0);
}
