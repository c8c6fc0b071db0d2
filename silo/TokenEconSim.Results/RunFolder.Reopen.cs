namespace TokenEconSim.Results;

public sealed partial class RunFolder
{
    /// <summary>
    /// Takes over the hidden temporary folder of an interrupted run (`silo resume`): its scenario.yaml
    /// and checkpoint stay; metrics.csv and blocks.csv are deleted, to be written again from the rows
    /// the checkpoint covers. Publishes to the name the run would have had.
    /// </summary>
    public static RunFolder Reopen(string temporaryPath)
    {
        var full = Path.GetFullPath(temporaryPath).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        var marker = name.LastIndexOf(".tmp-", StringComparison.Ordinal);
        if (!name.StartsWith('.') || marker < 2 || !Directory.Exists(full))
            throw new ArgumentException(
                $"'{temporaryPath}' is not the temporary folder of a run (.<name>-<timestamp>.tmp-…)", nameof(temporaryPath));
        var parent = Path.GetDirectoryName(full)!;
        var baseName = name[1..marker];
        File.Delete(Path.Combine(full, RunFiles.Metrics));
        File.Delete(Path.Combine(full, RunFiles.Blocks));
        return new RunFolder(parent, baseName, FreeFinalPath(parent, baseName), full);
    }

    /// <summary>The run's name as `silo resume` takes it: the final folder's name, e.g. baseline-20261123-193000.</summary>
    public string RunName => _baseName;
}
