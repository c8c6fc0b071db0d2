using System.Text;

namespace TokenEconSim.Scenarios.Loading;

/// <summary>
/// Reads a scenario or sweep file's text, refusing what is not one before it costs anything: a
/// folder, and anything over 1 MiB (a scenario is a few KB; `extends: /dev/zero` would otherwise
/// read until memory runs out). Encoding as File.ReadAllText: UTF-8 unless a byte-order mark says otherwise.
/// </summary>
internal static class ScenarioFileText
{
    public const int MaxBytes = 1 << 20;

    /// <exception cref="IOException">with a message that says why the file cannot be a scenario.</exception>
    public static string Read(string fullPath)
    {
        if (Directory.Exists(fullPath)) throw new IOException("it is a folder, not a file");
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
}
