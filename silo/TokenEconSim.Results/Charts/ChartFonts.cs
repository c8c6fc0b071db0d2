using ScottPlot;
using ScottPlot.FontResolvers;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// Registers the DejaVu Sans files shipped in Fonts/ with ScottPlot, once per process.
/// Why: SkiaSharp's Linux natives here see no system fonts, and ScottPlot then renders charts
/// with no text at all and no error. Registration fails loudly instead if the files are missing.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered) return;
            var directory = Path.Combine(AppContext.BaseDirectory, "Fonts");
            var regular = RequireFile(directory, "DejaVuSans.ttf");
            var bold = RequireFile(directory, "DejaVuSans-Bold.ttf");
            // First in the list: the system resolver comes earlier and could answer with an empty typeface.
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Family, bold, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal));
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Family, regular, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal));
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }

    private static string RequireFile(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Chart font missing: {path}. It ships with TokenEconSim.Results (Fonts/, copied to the output "
                + "folder); without it charts would have no text.", path);
        return path;
    }
}
