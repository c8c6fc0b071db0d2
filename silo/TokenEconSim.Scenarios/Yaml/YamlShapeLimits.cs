using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TokenEconSim.Scenarios.Yaml;

/// <summary>
/// Refuses YAML whose shape would crash or exhaust the process before any key is read: nesting so
/// deep that YamlDotNet's recursive loader overflows the stack (an uncatchable crash), an alias
/// inside the node it names (a cycle), and aliases that expand exponentially ("billion laughs").
/// Checked on the parser's event stream, which YamlDotNet reads iteratively, so the check itself
/// cannot overflow; YamlDotNet has no such limits of its own.
/// </summary>
internal static class YamlShapeLimits
{
    /// <summary>Far beyond any scenario (they nest five or six levels), far below the stack's reach.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes after expanding every alias; a scenario file has a few hundred.</summary>
    public const long MaxNodes = 100_000;

    /// <summary>
    /// The first limit the text breaks, at the event where it breaks it; null if none, or if the
    /// YAML is malformed before any limit is broken (the loader then reports that at its own mark).
    /// </summary>
    public static (Mark At, string Message)? Check(string text)
    {
        try
        {
            return FirstBrokenLimit(new Parser(new StringReader(text)));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static (Mark At, string Message)? FirstBrokenLimit(Parser parser)
    {
        var open = new Stack<(string? Anchor, long Nodes)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            long size; // of this node with its aliases expanded; the node's parent grows by it
            long grown = 1; // the total grows by the node itself, or by an alias's whole expansion
            switch (e)
            {
                case MappingStart or SequenceStart:
                    if (open.Count >= MaxDepth)
                        return (e.Start, $"nesting deeper than {MaxDepth} levels; a scenario needs a handful");
                    open.Push((AnchorOf((NodeEvent)e), 0));
                    continue;
                case MappingEnd or SequenceEnd:
                    var (anchor, nodes) = open.Pop();
                    size = nodes + 1;
                    if (anchor is not null) sizes[anchor] = size;
                    break;
                case Scalar s:
                    size = 1;
                    if (AnchorOf(s) is { } name) sizes[name] = 1;
                    break;
                case AnchorAlias alias:
                    var value = alias.Value.Value;
                    if (open.Any(frame => frame.Anchor == value))
                        return (e.Start, $"alias '*{value}' refers to a node that contains it; a scenario cannot be recursive");
                    // An unknown anchor is left to YamlDotNet, which names it.
                    size = grown = sizes.GetValueOrDefault(value, 1);
                    break;
                default:
                    continue;
            }
            total += grown;
            if (total > MaxNodes)
                return (e.Start,
                    $"the file expands to more than {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} values (aliases repeating aliases?); a "
                    + "scenario needs a few hundred");
            if (open.Count > 0)
            {
                var (anchor, nodes) = open.Pop();
                open.Push((anchor, nodes + size));
            }
        }
        return null;
    }

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;
}
