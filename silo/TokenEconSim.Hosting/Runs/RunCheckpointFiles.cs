using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results;

namespace TokenEconSim.Hosting.Runs;

/// <summary>
/// What `silo resume` needs in a run's hidden temporary folder: rows.bin, the completed epochs'
/// metrics (length-prefixed, Orleans-serialized like the grains send them), and checkpoint.bin,
/// the last checkpoint. A checkpoint is written only after the rows it covers are written, and by
/// rename, so a kill -9 at any moment leaves a consistent pair. Both are deleted before the folder
/// is published: a finished run's folder is unchanged.
/// </summary>
public sealed class RunCheckpointFiles : IDisposable
{
    public const string RowsFile = RunFiles.ResumeRows;
    public const string CheckpointFile = RunFiles.Checkpoint;
    private static readonly Lazy<Serializer> Serializer = new(() =>
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EpochBatch).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>());

    private readonly string _folder;
    private readonly FileStream _rows;
    private (int Epoch, byte[] Bytes)? _pending;

    /// <summary>The epoch the last published checkpoint.bin resumes from; null before the first.</summary>
    public int? PublishedEpoch { get; private set; }

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
            w.Write(SHA256.HashData(p.Bytes)); // a flipped bit must not restore into a silently different run
            w.Flush();
        }
        File.Move(temporary, Path.Combine(_folder, CheckpointFile), overwrite: true);
        PublishedEpoch = p.Epoch;
        _pending = null;
    }

    /// <summary>Deletes both files (the run is complete).</summary>
    public void Delete()
    {
        PublishedEpoch = null; // nothing is left to resume from
        _rows.Dispose();
        File.Delete(Path.Combine(_folder, RowsFile));
        File.Delete(Path.Combine(_folder, CheckpointFile));
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>
    /// The last checkpoint in <paramref name="folder"/> and the rows of the epochs before it; null when
    /// there is none. A truncated, edited or corrupted pair throws <see cref="InvalidDataException"/> saying which file and how.
    /// </summary>
    public static (byte[] Checkpoint, IReadOnlyList<EpochMetrics> Rows)? Load(string folder)
    {
        var checkpointPath = Path.Combine(folder, CheckpointFile);
        if (!File.Exists(checkpointPath)) return null;
        var (epoch, checkpoint) = Read(checkpointPath, c =>
        {
            var epoch = c.ReadInt32();
            var checkpoint = c.ReadBytes(Length(c));
            var digest = c.ReadBytes(SHA256.HashSizeInBytes);
            if (epoch < 0 || checkpoint.Length == 0 || digest.Length != SHA256.HashSizeInBytes || c.BaseStream.Position != c.BaseStream.Length)
                throw new InvalidDataException("its parts do not add up to its length");
            if (!SHA256.HashData(checkpoint).AsSpan().SequenceEqual(digest)) throw new InvalidDataException("its SHA-256 does not match its content");
            return (epoch, checkpoint);
        });
        var rows = Read(Path.Combine(folder, RowsFile), r =>
        {
            var rows = new List<EpochMetrics>();
            while (rows.Count < epoch)
                rows.Add(Serializer.Value.Deserialize<EpochMetrics>(r.ReadBytes(Length(r)))
                    ?? throw new InvalidDataException($"row {rows.Count} is empty"));
            return rows;
        });
        return (checkpoint, rows);
    }

    /// <summary>A length prefix that the rest of the file can hold.</summary>
    private static int Length(BinaryReader r)
    {
        var length = r.ReadInt32();
        return length >= 0 && length <= r.BaseStream.Length - r.BaseStream.Position
            ? length : throw new InvalidDataException($"a length of {length} bytes does not fit");
    }

    private static T Read<T>(string path, Func<BinaryReader, T> read)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            return read(reader);
        }
        // What reading random bytes can throw: past the end, our own checks, the file system, and
        // the Orleans codecs (their exceptions, or argument/index errors on a nonsense length or type).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or SerializerException
                                      or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            var why = e switch
            {
                EndOfStreamException => "it ends early",
                FileNotFoundException => "it is missing",
                InvalidDataException => e.Message,
                _ => $"it cannot be read ({e.Message})",
            };
            throw new InvalidDataException($"{Path.GetFileName(path)} is damaged: {why}", e);
        }
    }
}
