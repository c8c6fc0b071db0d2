namespace TokenEconSim.Scenarios.Tests.Support;

/// <summary>A temp folder of real scenario files, deleted afterwards: errors must name real files.</summary>
public sealed class TempScenarioDir : IDisposable
{
    public TempScenarioDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tes-scenarios-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes the file and returns its full path.</summary>
    public string Write(string name, string yaml)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, yaml.ReplaceLineEndings("\n"));
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
