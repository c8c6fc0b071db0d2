using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Silo.Runs;

/// <summary>
/// What `silo resume` needs in a run's hidden temporary folder: rows.bin, the completed epochs'
/// metrics (length-prefixed, Orleans-serialized like the grains send them), and checkpoint.bin,
/// the last checkpoint. A checkpoint is written only after the rows it covers are written, and by
/// rename, so a kill -9 at any moment leaves a consistent pair. Both are deleted before the folder
/// is published: a finished run's folder is unchanged.
/// </summary>
public sealed class RunCheckpointFiles : IDisposable
{
    public const string RowsFile = "rows.bin";
    public const string CheckpointFile = "checkpoint.bin";
    private static readonly Lazy<Serializer> Serializer = new(() =>
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EpochBatch).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    private readonly string _folder;
    private readonly FileStream _rows;
    private (int Epoch, byte[] Bytes)? _pending;

    public RunCheckpointFiles(string folder, IReadOnlyList<EpochMetrics> priorRows)
    {
        _folder = folder;
        _rows = new FileStream(Path.Combine(folder, RowsFile), FileMode.Create, FileAccess.Write, FileShare.Read);
        Append(priorRows);
    }

    /// <summary>Keeps a checkpoint until the rows of its epochs are written (<see cref="Append"/>).</summary>
    public Task Saved(int epoch, byte[] checkpoint)
    {
        _pending = (epoch, checkpoint);
        return Task.CompletedTask;
    }

    /// <summary>Appends completed rows, flushes them to disk, then publishes the pending checkpoint.</summary>
    public void Append(IEnumerable<EpochMetrics> rows)
    {
        using (var w = new BinaryWriter(_rows, System.Text.Encoding.UTF8, leaveOpen: true))
            foreach (var row in rows)
            {
                var bytes = Serializer.Value.SerializeToArray(row);
                w.Write(bytes.Length);
                w.Write(bytes);
            }
        // To the OS, not to the disk: a killed process loses nothing the kernel holds, and an fsync per
        // batch can stall a run (and its Ctrl+C) for seconds on a busy disk. Power loss is not covered.
        _rows.Flush();
        if (_pending is not { } p) return;
        var temporary = Path.Combine(_folder, CheckpointFile + ".new");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            using var w = new BinaryWriter(file);
            w.Write(p.Epoch);
            w.Write(p.Bytes.Length);
            w.Write(p.Bytes);
            w.Flush();
        }
        File.Move(temporary, Path.Combine(_folder, CheckpointFile), overwrite: true);
        _pending = null;
    }

    /// <summary>Deletes both files (the run is complete).</summary>
    public void Delete()
    {
        _rows.Dispose();
        File.Delete(Path.Combine(_folder, RowsFile));
        File.Delete(Path.Combine(_folder, CheckpointFile));
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>The last checkpoint in <paramref name="folder"/> and the rows of the epochs before it; null when there is none.</summary>
    public static (byte[] Checkpoint, IReadOnlyList<EpochMetrics> Rows)? Load(string folder)
    {
        var checkpointPath = Path.Combine(folder, CheckpointFile);
        if (!File.Exists(checkpointPath)) return null;
        using var c = new BinaryReader(File.OpenRead(checkpointPath));
        var epoch = c.ReadInt32();
        var checkpoint = c.ReadBytes(c.ReadInt32());
        var rows = new List<EpochMetrics>(epoch);
        using var r = new BinaryReader(File.OpenRead(Path.Combine(folder, RowsFile)));
        while (rows.Count < epoch)
        {
            var length = r.ReadInt32();
            rows.Add(Serializer.Value.Deserialize<EpochMetrics>(r.ReadBytes(length)) ?? throw new InvalidDataException($"{RowsFile}: row {rows.Count} is empty"));
        }
        return (checkpoint, rows);
    }
}
