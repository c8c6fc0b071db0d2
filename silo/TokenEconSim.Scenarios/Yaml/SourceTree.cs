namespace TokenEconSim.Scenarios.Yaml;

// The scenario's YAML as a small immutable tree whose every node remembers the file, line and
// column it was written at. YamlDotNet's own nodes carry marks but not the file, and after an
// `extends` merge one tree mixes nodes from several files; errors must name the right one.

internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    public ScenarioError Error(string message) => new(File, Line, Column, message);
}

internal abstract record SourceNode(SourceLocation At);

/// <summary>A scalar's text; <see cref="Plain"/> is false when quoted (or tagged !!str), which makes it never null.</summary>
internal sealed record ScalarNode(SourceLocation At, string Value, bool Plain) : SourceNode(At)
{
    /// <summary>YAML's null: an empty plain value (<c>key:</c>), <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record MappingEntry(ScalarNode Key, SourceNode Value);

internal sealed record MappingNode(SourceLocation At, IReadOnlyList<MappingEntry> Entries) : SourceNode(At)
{
    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    /// <summary>
    /// Where a message about the key at <paramref name="path"/> points: the deepest node written along it (the value when
    /// the whole path is written and ends in a scalar, else the last key found, else this mapping).
    /// </summary>
    public SourceLocation Locate(params string[] path)
    {
        var at = At;
        SourceNode node = this;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not MappingNode m || m.Find(path[i]) is not { } entry) break;
            at = i == path.Length - 1 && entry.Value is ScalarNode ? entry.Value.At : entry.Key.At;
            node = entry.Value;
        }
        return at;
    }
}

internal sealed record SequenceNode(SourceLocation At, IReadOnlyList<SourceNode> Items) : SourceNode(At);
