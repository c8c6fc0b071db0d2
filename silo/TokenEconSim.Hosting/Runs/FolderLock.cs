using System.Globalization;
using TokenEconSim.Results;

namespace TokenEconSim.Hosting.Runs;

/// <summary>
/// A run's or a sweep's folder, owned by one process for its life: an exclusive lock on a lock file
/// (FileShare.None, which .NET takes as flock(LOCK_EX) on Unix and a sharing lock on Windows). The
/// kernel drops it when the process ends in any way, kill -9 included, so a stale lock file never
/// blocks a resume. The holder's pid goes into &lt;lock&gt;.pid, beside it: a .NET reader cannot
/// read the lock file itself while it is held, whatever sharing it asks for.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream _lock;

    private FolderLock(string path, FileStream stream)
    {
        Path = path;
        _lock = stream;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, or refuses (bad input, exit 2) naming the process that holds it and what it holds (<paramref
    /// name="what"/>).
    /// </summary>
    public static FolderLock Acquire(string path, string what)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new BadInputException($"{what} is in use by process {Holder(path)} (another silo run, resume or sweep); "
                + "wait for it to finish or stop it first (Ctrl+C or kill keep its checkpoint)");
        }
        var held = new FolderLock(path, stream);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
        File.WriteAllText(LockHolder.PidFile(path), pid);
        stream.SetLength(0);
        stream.Write(System.Text.Encoding.ASCII.GetBytes(pid)); // for `cat`, which takes no lock
        stream.Flush();
        return held;
    }

    private static string Holder(string path) =>
        LockHolder.Pid(path) is { } pid ? pid.ToString(CultureInfo.InvariantCulture) : "(unknown pid)";

    /// <summary>
    /// Releases the lock and deletes its files: only once what it guarded is gone (published or deleted), so no later process locks a file that
    /// is then deleted under it.
    /// </summary>
    public void ReleaseAndDelete()
    {
        File.Delete(LockHolder.PidFile(Path));
        File.Delete(Path);
        _lock.Dispose();
    }

    /// <summary>Releases the lock; its files stay (the folder stays, e.g. for resume).</summary>
    public void Dispose() => _lock.Dispose();
}
