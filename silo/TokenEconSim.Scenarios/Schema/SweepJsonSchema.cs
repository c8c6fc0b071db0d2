using System.Text.Json.Nodes;
using TokenEconSim.Scenarios.Sweeps;
using static TokenEconSim.Scenarios.Schema.ScenarioJsonSchema;

namespace TokenEconSim.Scenarios.Schema;

/// <summary>
/// The `sweep:` section of a sweep file in scenario.schema.json, from the keys <see cref="SweepSectionReader"/> reads and the limits
/// <see cref="SweepLoader"/> sets; the rules no schema can say (1/step whole, zip lists of one length) stay the loader's.
/// </summary>
internal static class SweepJsonSchema
{
    public static JsonObject Section(KeyDocs docs)
    {
        var schemas = new Dictionary<string, JsonObject>
        {
            ["mode"] = Enum(typeof(SweepMode)),
            ["parameters"] = Parameters(),
            ["simplex"] = Closed(new JsonObject { ["step"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = 1 } }),
            ["seeds"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = SweepLoader.MaxRuns },
                    new JsonObject
                    {
                        ["type"] = "array",
                        ["uniqueItems"] = true,
                        ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                    }),
            },
            ["objective"] = Objective(docs),
            ["samples"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["levels"] = new JsonObject { ["type"] = "integer", ["minimum"] = 2, ["multipleOf"] = 2 },
            ["design_seed"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["objectives"] = ParetoObjectives(docs),
            ["population"] = new JsonObject { ["type"] = "integer", ["minimum"] = ParetoSearch.MinPopulation },
            ["evaluations"] = new JsonObject { ["type"] = "integer", ["minimum"] = ParetoSearch.MinPopulation },
        };
        return Closed(Documented(SweepSectionReader.SectionKeys, schemas, docs));
    }

    /// <summary>Each swept key (a dotted scenario key, completed from the list of those a sweep may set) → a list or a range.</summary>
    private static JsonObject Parameters()
    {
        var range = new JsonObject();
        foreach (var key in SweepSectionReader.RangeKeys) range[key] = Of("number");
        var bounds = new JsonObject();
        foreach (var key in SweepSectionReader.BoundKeys) bounds[key] = Of("number");
        var sweepable = ScenarioSchema.Leaves.Select(l => l.Path).Where(p => SweepPaths.Problem(p) is null);
        return new JsonObject
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["enum"] = new JsonArray([.. sweepable.Select(p => JsonValue.Create(p))]) },
            ["additionalProperties"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "array", ["minItems"] = 1 }, Closed(range, "from", "to"),
                    Closed(bounds, SweepSectionReader.BoundKeys)),
            },
        };
    }

    private static JsonObject Objective(KeyDocs docs)
    {
        var term = new Dictionary<string, JsonObject> { ["metric"] = Of("string"), ["weight"] = Of("number"), ["target"] = Of("number") };
        var terms = new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = Closed(Documented(SweepSectionReader.TermKeys, term, docs), "metric"),
        };
        var objective = new Dictionary<string, JsonObject> { ["goal"] = Enum(typeof(ObjectiveGoal)), ["terms"] = terms };
        return Closed(Documented(SweepSectionReader.ObjectiveKeys, objective, docs), SweepSectionReader.ObjectiveKeys);
    }

    /// <summary>mode pareto's objectives: at least two of {metric, goal: maximize|minimize|target, target}.</summary>
    private static JsonObject ParetoObjectives(KeyDocs docs)
    {
        var objective = new Dictionary<string, JsonObject>
        {
            ["metric"] = Of("string"),
            ["goal"] = Enum(typeof(ParetoGoal)),
            ["target"] = Of("number"),
        };
        return new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = 2,
            ["items"] = Closed(Documented(SweepParetoReader.ObjectiveKeys, objective, docs), "metric", "goal"),
        };
    }

    /// <summary>The reader's keys, each with its schema and the README's meaning; a key the reader reads and this does not describe fails.</summary>
    private static JsonObject Documented(string[] keys, Dictionary<string, JsonObject> schemas, KeyDocs docs)
    {
        var properties = new JsonObject();
        foreach (var key in keys)
        {
            var schema = schemas.TryGetValue(key, out var s) ? s
                : throw new InvalidOperationException($"the sweep section's key '{key}' has no JSON Schema shape");
            if (docs.Sweep(key) is { } meaning) schema["description"] = meaning;
            properties[key] = schema;
        }
        return properties;
    }

    private static JsonObject Closed(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Length > 0) schema["required"] = new JsonArray([.. required.Select(r => JsonValue.Create(r))]);
        return schema;
    }
}
