using System.Runtime.InteropServices;
using System.Text;

namespace TokenEconSim.Scenarios.Loading;

/// <summary>
/// Reads a scenario or sweep file's text, refusing what is not one before it costs anything: a
/// folder, and anything over 1 MiB (a scenario is a few KB; `extends: /dev/zero` would otherwise
/// read until memory runs out), and anything that is not a regular file: opening a FIFO waits for a
/// writer forever, and a device or socket is no scenario either, so the type is checked before the open.
/// Encoding as File.ReadAllText: UTF-8 unless a byte-order mark says otherwise.
/// </summary>
public static class ScenarioFileText
{
    public const int MaxBytes = 1 << 20;

    /// <exception cref="IOException">with a message that says why the file cannot be a scenario.</exception>
    public static string Read(string fullPath)
    {
        if (Directory.Exists(fullPath)) throw new IOException("it is a folder, not a file");
        if (NotRegular(fullPath) is { } kind) throw new IOException($"it is {kind}, not a regular file");
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (bytes.Length + read > MaxBytes) throw new IOException("larger than 1 MiB; a scenario file is a few KB (is this the right file?)");
            bytes.Write(chunk, 0, read);
        }
        bytes.Position = 0;
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// What <paramref name="path"/> is when it exists and is not a regular file or a folder ("a FIFO (named pipe)", …); null otherwise or where
    /// it cannot be told.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return null;
        // .NET tells no file type beyond folders, so ask the runtime's own native shim: its stat
        // (symbolic links followed) fills a FileStatus whose second int32 is st_mode on every Unix.
        var status = new byte[256];
        try
        {
            if (Stat(path, status) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return (BitConverter.ToInt32(status, 4) & 0xF000) switch
        {
            0x8000 or 0x4000 => null, // S_IFREG, S_IFDIR
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
