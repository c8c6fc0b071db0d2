using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TokenEconSim.Scenarios.Yaml;

/// <summary>Parses YAML text into a <see cref="SourceNode"/> tree, or one error at the mark YamlDotNet reports.</summary>
internal static class YamlReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static SourceNode? Read(string text, string file, List<ScenarioError> errors)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            if (YamlShapeLimits.Check(text) is var (mark, message))
            {
                errors.Add(new ScenarioError(file, (int)mark.Line, (int)mark.Column, message));
                return null;
            }
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(file, (int)e.Start.Line, (int)e.Start.Column, Describe(e)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet 18's scanner throws a bare InvalidOperationException (no mark) on some
            // malformed input, e.g. an unclosed '[' followed by more lines. Report the end of the
            // last event it did parse: the problem starts there.
            var at = parser.Current?.End;
            errors.Add(new ScenarioError(file, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1),
                "invalid YAML after this point; look for an unclosed '[', '{' or quote"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            errors.Add(new ScenarioError(file, (int)second.Line, (int)second.Column,
                "a scenario file holds one YAML document; remove the second '---' document"));
            return null;
        }
        // An empty file (or only comments) is refused: a truncated or unsaved file must not
        // silently run the all-defaults economy. `run: {}` asks for the defaults explicitly.
        if (stream.Documents.Count == 0)
        {
            errors.Add(new ScenarioError(file, 1, 1,
                "the file holds no scenario (it is empty or only comments); write at least 'run:' with a name, or 'run: {}' for every default"));
            return null;
        }
        return Convert(stream.Documents[0].RootNode, file, errors);
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet reports a repeated key as "Duplicate key <name>" at the second occurrence.
        const string duplicate = "Duplicate key ";
        if (e.Message.StartsWith(duplicate, StringComparison.Ordinal))
            return $"duplicate key '{e.Message[duplicate.Length..]}'; each key may appear once per section";
        var message = e.Message.TrimEnd('.');
        return $"invalid YAML: {char.ToLowerInvariant(message[0])}{message[1..]}";
    }

    private static SourceNode Convert(YamlNode node, string file, List<ScenarioError> errors)
    {
        var at = new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode s:
                return new ScalarNode(at, s.Value ?? "", s.Style == ScalarStyle.Plain && !(s.Tag.IsGlobal && s.Tag.Value == StringTag));
            case YamlSequenceNode q:
                return new SequenceNode(at, [.. q.Children.Select(c => Convert(c, file, errors))]);
            case YamlMappingNode m:
                var entries = new List<MappingEntry>();
                foreach (var (key, value) in m.Children)
                {
                    if (Convert(key, file, errors) is ScalarNode { IsNull: false } name)
                        entries.Add(new MappingEntry(name, Convert(value, file, errors)));
                    else
                        errors.Add(new ScenarioError(file, (int)key.Start.Line, (int)key.Start.Column,
                            "a key must be a plain name such as 'epochs', not a list, mapping or empty value"));
                }
                return new MappingNode(at, entries);
            default:
                throw new InvalidOperationException($"unexpected YAML node {node.GetType().Name}");
        }
    }
}
