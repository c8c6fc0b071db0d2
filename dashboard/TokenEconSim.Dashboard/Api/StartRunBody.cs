using System.Globalization;
using System.Text.Json;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Dashboard.Api;

/// <summary>
/// POST /api/runs: <c>{"scenario": "baseline.yaml", "seed": 7, "epochs": 20, "overrides": {"alpha": 0.5, "rewards.gamma": 0.2}}</c>.
/// Read by hand rather than bound, so each problem (malformed JSON, a wrong type, a path outside
/// scenarios/, an invalid scenario) gets its own message.
/// </summary>
internal static class StartRunBody
{
    /// <summary>Short names for the reward weights; any other key is a scenario key's dotted path (as `silo run --set`).</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["alpha"] = "rewards.alpha",
        ["beta"] = "rewards.beta",
        ["gamma"] = "rewards.gamma",
    };

    public static async Task<(Scenario Scenario, string Source)> ReadAsync(Stream body, string scenariosFolder, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"malformed JSON: {e.Message}");
        }
        string source;
        List<KeyValuePair<string, string>> overrides;
        using (doc)
        {
            try
            {
                (source, overrides) = Read(doc.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // JsonDocument checks the structure; a string's UTF-8 is checked only when it is read.
                throw ApiProblem.BadRequest($"malformed JSON: {e.Message}");
            }
        }
        var path = ScenarioPath(scenariosFolder, source);
        var result = ScenarioLoader.LoadFile(path, overrides);
        if (!result.Success)
            throw ApiProblem.BadRequest($"{source}: " + string.Join("; ", result.Errors.Select(e => Describe(e, scenariosFolder))));
        return (result.Scenario!, source);
    }

    /// <summary>The scenario's name and the overrides the body asks for (seed and epochs among them).</summary>
    private static (string Source, List<KeyValuePair<string, string>> Overrides) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw ApiProblem.BadRequest("malformed JSON: expected an object like {\"scenario\": \"baseline.yaml\"}");
        var source = Scenario(root);
        var overrides = Overrides(root);
        if (Number(root, "seed") is { } seed) overrides.Add(new("run.seed", seed.ToString(CultureInfo.InvariantCulture)));
        if (Number(root, "epochs") is { } epochs)
        {
            if (epochs < 1) throw ApiProblem.BadRequest($"epochs: {epochs} is not allowed, a run needs at least 1 epoch");
            overrides.Add(new("run.epochs", epochs.ToString(CultureInfo.InvariantCulture)));
        }
        return (source, overrides);
    }

    /// <summary>
    /// An error in the request's overrides is named as such (the loader calls their source --set, as on the command line); file paths relative
    /// to scenarios/.
    /// </summary>
    private static string Describe(ScenarioError e, string scenariosFolder) =>
        e.File == ScenarioLoader.OverrideSource ? $"overrides: {e.Message}"
        : e.ToString().Replace(Path.GetFullPath(scenariosFolder) + Path.DirectorySeparatorChar, "");

    private static string Scenario(JsonElement root)
    {
        if (!root.TryGetProperty("scenario", out var s) || s.ValueKind != JsonValueKind.String || s.GetString() is not { Length: > 0 } name)
            throw ApiProblem.BadRequest("scenario: required, a file name relative to scenarios/, e.g. \"baseline.yaml\"");
        return name;
    }

    /// <summary>The scenario's full path, refusing anything that would leave the scenarios folder.</summary>
    internal static string ScenarioPath(string scenariosFolder, string name)
    {
        if (name.Any(char.IsControl)) // a NUL makes Path throw; no file name needs one
            throw ApiProblem.BadRequest("scenario: the name contains a control character; name a file inside scenarios/, e.g. \"baseline.yaml\"");
        var root = Path.GetFullPath(scenariosFolder);
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (Path.IsPathRooted(name) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw ApiProblem.BadRequest($"scenario: '{name}' is outside scenarios/; name a file inside it, e.g. \"baseline.yaml\"");
        if (!File.Exists(full)) throw ApiProblem.BadRequest($"scenario: '{name}' not found in scenarios/");
        return full;
    }

    private static long? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        throw ApiProblem.BadRequest($"{name}: expected an integer, got {v.GetRawText()}");
    }

    private static List<KeyValuePair<string, string>> Overrides(JsonElement root)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (!root.TryGetProperty("overrides", out var o) || o.ValueKind == JsonValueKind.Null) return list;
        if (o.ValueKind != JsonValueKind.Object)
            throw ApiProblem.BadRequest("overrides: expected an object of scenario keys, e.g. {\"alpha\": 0.5, \"beta\": 0.3, \"gamma\": 0.2}");
        foreach (var p in o.EnumerateObject())
        {
            var value = p.Value.ValueKind switch
            {
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => throw ApiProblem.BadRequest($"overrides.{p.Name}: expected a number, a string or a boolean, got {p.Value.GetRawText()}"),
            };
            list.Add(new(Aliases.GetValueOrDefault(p.Name, p.Name), value));
        }
        return list;
    }
}
