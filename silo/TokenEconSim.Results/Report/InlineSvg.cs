using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TokenEconSim.Results.Report;

/// <summary>
/// A chart's SVG made fit to sit inline in an HTML page beside the others. Skia names its clip paths from a counter of the process
/// (cl_98 in one run, cl_b0 in the next) and ids are shared by the whole page: each chart's ids are renamed, in document order, to
/// the chart's prefix and a number (and the url(#…) and href="#…" naming them follow), so the page is the same bytes in every process
/// and one chart cannot clip with another's rectangle. The XML declaration goes, and a viewBox lets the page scale the drawing.
/// </summary>
internal static partial class InlineSvg
{
    public static string Of(string svg, string idPrefix, string label)
    {
        var root = XDocument.Parse(svg).Root ?? throw new ArgumentException("an SVG document without a root element", nameof(svg));
        var attributes = root.DescendantsAndSelf().SelectMany(e => e.Attributes()).ToList();
        var ids = new Dictionary<string, string>();
        foreach (var id in attributes.Where(a => a.Name.LocalName == "id"))
            id.Value = ids[id.Value] = idPrefix + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
        foreach (var attribute in attributes.Where(a => a.Name.LocalName != "id"))
        {
            if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#')) attribute.Value = "#" + Renamed(ids, attribute.Value[1..]);
            else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                attribute.Value = Reference().Replace(attribute.Value, m => $"url(#{Renamed(ids, m.Groups[1].Value)})");
        }
        var width = Size(root, "width");
        var height = Size(root, "height");
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", label);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string Renamed(Dictionary<string, string> ids, string id) =>
        ids.TryGetValue(id, out var renamed) ? renamed : throw new ArgumentException($"the SVG refers to an id it does not hold: {id}");

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex Reference();

    private static string Size(XElement root, string name)
    {
        var value = (string?)root.Attribute(name);
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) && size > 0
            ? value!
            : throw new ArgumentException($"an SVG without a positive {name}", nameof(root));
    }
}
