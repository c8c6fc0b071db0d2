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
}

internal sealed record SequenceNode(SourceLocation At, IReadOnlyList<SourceNode> Items) : SourceNode(At);
