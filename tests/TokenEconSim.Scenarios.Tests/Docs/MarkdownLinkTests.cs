using System.Text.RegularExpressions;

namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// Every relative link in the repository's Markdown opens something: the file or folder exists, and
/// an anchor (#…) names a heading of its target as GitHub spells heading anchors.
/// </summary>
public sealed partial class MarkdownLinkTests
{
    [Fact]
    public void EveryRelativeLinkAndAnchorResolves()
    {
        var broken = new List<string>();
        foreach (var file in RepoText.Markdown())
            foreach (var (where, target) in Links(file))
            {
                var hash = target.IndexOf('#');
                var path = hash < 0 ? target : target[..hash];
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (!File.Exists(resolved) && !Directory.Exists(resolved)) broken.Add($"{where}: {target} (no such file)");
                else if (hash >= 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(target[(hash + 1)..]))
                    broken.Add($"{where}: {target} (no such heading)");
            }
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Theory]
    [InlineData("## 7. Determinism", "7-determinism")]
    [InlineData("### 7.4 Why two barriers per epoch", "74-why-two-barriers-per-epoch")]
    [InlineData("### 4.3 Proof of work, sampled hashing (`consensus.hashing: sampled`, the default)",
        "43-proof-of-work-sampled-hashing-consensushashing-sampled-the-default")]
    [InlineData("## Sweep files", "sweep-files")]
    public void AnchorsAreSpelledAsGitHubSpellsThem(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    /// <summary>The anchors of a file's headings; a repeated heading gets -1, -2, … as on GitHub.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var seen = new Dictionary<string, int>();
        var anchors = new HashSet<string>();
        foreach (var line in OutsideCodeFences(file).Select(l => l.Text).Where(l => Heading().IsMatch(l)))
        {
            var slug = Slug(line);
            var count = seen.GetValueOrDefault(slug);
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            seen[slug] = count + 1;
        }
        return anchors;
    }

    /// <summary>GitHub's rule: lower case, drop everything but letters, digits, '_', '-' and spaces, spaces become '-'.</summary>
    private static string Slug(string heading) =>
        NotSlugCharacter().Replace(heading.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-');

    private static IEnumerable<(string Where, string Target)> Links(string file) =>
        OutsideCodeFences(file).SelectMany(l => Link().Matches(l.Text).Select(m => m.Groups[1].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(t => (l.Where, t)));

    private static IEnumerable<(string Where, string Text)> OutsideCodeFences(string file)
    {
        var inFence = false;
        foreach (var line in RepoText.Lines(file))
        {
            if (line.Text.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            else if (!inFence) yield return line;
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Mn}\p{Nd}_\- ]")]
    private static partial Regex NotSlugCharacter();
}
