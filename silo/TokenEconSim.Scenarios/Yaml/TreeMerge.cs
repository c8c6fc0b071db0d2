namespace TokenEconSim.Scenarios.Yaml;

/// <summary>The deep merge behind <c>extends</c> and <c>--set</c>.</summary>
internal static class TreeMerge
{
    /// <summary>
    /// Mappings merge key by key (recursively); any other value in <paramref name="over"/> replaces
    /// the base's, lists included (merging lists element-wise would make an override's meaning
    /// depend on the base's length). An empty value over a mapping keeps the base mapping, so
    /// `token:` with nothing under it means "no changes", not "reset to defaults".
    /// Keys keep the base's order; new keys follow in the override's order. Every node keeps the
    /// location of the file that wrote it; a merged mapping takes the override's location.
    /// </summary>
    public static MappingNode Merge(MappingNode @base, MappingNode over)
    {
        var entries = new List<MappingEntry>(@base.Entries);
        foreach (var entry in over.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Value == entry.Key.Value);
            if (index < 0)
            {
                entries.Add(entry);
                continue;
            }
            var merged = (entries[index].Value, entry.Value) switch
            {
                (MappingNode b, MappingNode o) => Merge(b, o),
                (MappingNode b, ScalarNode { IsNull: true }) => b,
                _ => entry.Value,
            };
            entries[index] = new MappingEntry(entry.Key, merged);
        }
        return new MappingNode(over.At, entries);
    }

    /// <summary>The tree for one dotted override, e.g. ("run.seed", "7") → run: { seed: 7 }.</summary>
    public static MappingNode FromDottedKey(string[] segments, string value, SourceLocation at)
    {
        SourceNode node = new ScalarNode(at, value, Plain: true);
        for (var i = segments.Length - 1; i >= 0; i--)
            node = new MappingNode(at, [new MappingEntry(new ScalarNode(at, segments[i], Plain: true), node)]);
        return (MappingNode)node;
    }
}
