using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios;
using TokenEconSim.Scenarios.Loading;

namespace TokenEconSim.Hosting;

/// <summary>Loads a scenario file with command-line overrides, turning every problem into bad input.</summary>
public static class ScenarioInput
{
    public static Scenario Load(string path, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        RequireFile(path, "scenario");
        var result = ScenarioLoader.LoadFile(path, overrides);
        if (!result.Success) throw new BadInputException([.. result.Errors.Select(e => e.ToString())]);
        return result.Scenario!;
    }

    /// <summary>The file named on the command line exists and is a file (<paramref name="kind"/>: "scenario", "sweep").</summary>
    internal static void RequireFile(string path, string kind)
    {
        if (Directory.Exists(path))
            throw new BadInputException($"{path}: is a folder; name a {kind} file, e.g. "
                + $"scenarios/{(kind == "sweep" ? "sweep-simplex" : "baseline")}.yaml");
        if (!File.Exists(path)) throw new BadInputException($"{path}: {kind} file not found");
        // Checked before anything opens it: opening a FIFO waits for a writer forever.
        if (ScenarioFileText.NotRegular(path) is { } what) throw new BadInputException($"{path}: is {what}, not a regular file; name a {kind} file");
    }

    /// <summary>Parses repeated `--set key=value` options.</summary>
    public static List<KeyValuePair<string, string>> ParseSets(IEnumerable<string> sets)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            if (eq <= 0) throw new BadInputException($"--set {s}: expected key=value, e.g. --set rewards.alpha=0.5");
            list.Add(new(s[..eq].Trim(), s[(eq + 1)..].Trim()));
        }
        return list;
    }
}
