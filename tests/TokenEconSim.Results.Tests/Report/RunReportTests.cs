using System.Text.RegularExpressions;
using System.Xml.Linq;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Report;

namespace TokenEconSim.Results.Tests.Report;

/// <summary>report.html: self-contained, every chart and column of the run, escaped, and the same bytes for the same run.</summary>
public partial class RunReportTests
{
    private static readonly RunInfo Info = new("baseline", 7, "run:\n  name: baseline\n  seed: 7\n", "direct", 100, "0.1.0");

    [Fact]
    public void EveryChartOfTheRunIsAnInlineSvgInItsFigure()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(12));
        var html = Report(rows, RunCharts.Render(rows, dir.Path, new ChartOptions(TargetBlockTime: 600)));

        var figures = Figures().Matches(html).Select(m => (Key: m.Groups["key"].Value, Body: m.Groups["body"].Value)).ToList();
        Assert.Equal(RunCharts.NamesFor(rows), figures.Select(f => f.Key));
        Assert.Equal([.. RunCharts.Names, .. RunCharts.BlockNames], figures.Select(f => f.Key));
        foreach (var (key, body) in figures)
        {
            var svg = XElement.Parse(body.Trim());
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.Equal("0 0 1200 700", (string?)svg.Attribute("viewBox"));
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim().Length > 0);
            Assert.Equal(ChartGroups.Png.All.Single(g => g.Key == key).Title, (string?)svg.Attribute("aria-label"));
        }
    }

    /// <summary>Skia numbers clip paths afresh in every SVG: inline on one page they must not collide, and every reference must resolve.</summary>
    [Fact]
    public void IdsAreUniqueOnThePageAndEveryReferenceResolves()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(12));
        var html = Report(rows, RunCharts.Render(rows, dir.Path, ChartOptions.Default));

        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(ids.Count > RunCharts.NamesFor(rows).Count, "the charts' clip paths have ids");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var references = References().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Fact]
    public void TheSameRunGivesTheSameBytesChartsIncluded()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(20));

        var a = RunReport.ToHtmlBytes(RunSummary.From(Info, rows), Info.ResolvedScenarioYaml, MetricLayout.Every,
            RunCharts.Render(rows, first.Path, ChartOptions.Default));
        var b = RunReport.ToHtmlBytes(RunSummary.From(Info with { Engine = "orleans" }, SampleRows.WithBlocks(SampleRows.Create(20))),
            Info.ResolvedScenarioYaml, MetricLayout.Every, RunCharts.Render(rows, second.Path, ChartOptions.Default));

        Assert.Equal(a, b);
        Assert.False(a.AsSpan().StartsWith("\uFEFF"u8), "no byte-order mark");
    }

    [Fact]
    public void EveryColumnOfTheLayoutIsDescribedWithItsUnit()
    {
        var html = Report(SampleRows.Create(3), charts: null);

        foreach (var column in MetricLayout.Every.Columns)
        {
            var row = Regex.Match(html, $"<tr data-column=\"{column.Name}\">(.*?)</tr>");
            Assert.True(row.Success, $"no row for {column.Name}");
            Assert.Contains($"<td>{column.Unit.ToString().ToLowerInvariant()}</td>", row.Value);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(column.Description), row.Value);
        }
        Assert.Equal(MetricsCsvWriter.HeaderOf(MetricLayout.Every).Split(','), DescribedColumns(html));
    }

    [Fact]
    public void TheRunIdColumnIsDescribedFirst()
    {
        var row = Regex.Match(Report(SampleRows.Create(3), charts: null), $"<tr data-column=\"{RunFiles.RunIdColumn}\">(.*?)</tr>");

        Assert.True(row.Success, "no row for run_id");
        Assert.Contains("<td>text</td>", row.Value);
        Assert.Contains("scenario and seed", row.Value);
    }

    /// <summary>The data-column rows of the report's metrics table, in page order.</summary>
    private static string[] DescribedColumns(string html) =>
        [.. Regex.Matches(html, "<tr data-column=\"([^\"]*)\">").Select(m => m.Groups[1].Value)];

    [Fact]
    public void OnlyTheRunsColumnsAreDescribed()
    {
        var layout = MetricLayout.Of(g => !g.IsOptional);
        var html = RunReport.ToHtml(RunSummary.From(Info, SampleRows.Create(3)), Info.ResolvedScenarioYaml, layout, null);

        Assert.Equal(MetricsCsvWriter.HeaderOf(layout).Split(','), DescribedColumns(html));
        Assert.DoesNotContain($"data-column=\"{BehaviourColumns.Bonded.Name}\"", html);
    }

    [Fact]
    public void TheSummaryShowsEveryKeyWithExactTokenAmounts()
    {
        var rows = SampleRows.Create(12);
        var summary = RunSummary.From(Info, rows);
        var html = Report(rows, charts: null);

        Assert.Contains(SummaryRow("name", "baseline"), html);
        Assert.Contains(SummaryRow("seed", "7"), html);
        Assert.Contains(SummaryRow("epochs", "12"), html);
        Assert.Contains(SummaryRow("final_supply", summary.FinalSupplyExact!), html);
        Assert.Contains(SummaryRow("total_rewards_by_role: miner", summary.TotalRewardsByRoleExact["miner"]), html);
        Assert.Contains(SummaryRow("final_accuracy", "—"), html); // null: the run does not learn
        Assert.DoesNotContain("_exact", html);
    }

    [Fact]
    public void ChartsTurnedOffAreSaidSoAndTheRestIsThere()
    {
        var html = Report(SampleRows.Create(5), charts: null);

        Assert.Contains("outputs.charts: false", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<figure", html);
        Assert.Contains("<section id=\"metrics\">", html);
        Assert.Contains("<section id=\"scenario\">", html);
    }

    /// <summary>A chart whose every column is empty says "no data" in the report, and gets no PNG or SVG file.</summary>
    [Fact]
    public void AChartWhoseColumnsAreAllEmptyIsNotDrawnAndSaysNoData()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.Create(6).Select(r => r with { Gini = double.NaN }).ToList();

        var charts = RunCharts.Render(rows, dir.Path, ChartOptions.Default);

        Assert.Null(charts.Single(c => c.Group == ChartGroups.Png.Gini).Svg);
        Assert.DoesNotContain("gini", RunCharts.NamesFor(rows));
        Assert.False(File.Exists(Path.Combine(dir.Path, "gini.png")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "gini.svg")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "supply_inflation.svg")));
        var figure = Figures().Matches(Report(rows, charts)).Single(m => m.Groups["key"].Value == "gini").Groups["body"].Value;
        Assert.Contains("no data", figure);
        Assert.Contains(ChartGroups.Png.Gini.Title, figure);
        Assert.DoesNotContain("<svg", figure);
    }

    /// <summary>The scenario file is user input: its text is shown, never read as markup, and the page can run no script at all.</summary>
    [Fact]
    public void ScenarioTextIsEscapedAndThePageForbidsScriptsAndFetches()
    {
        const string hostile = "# Resolved from </pre><script>alert('x')</script><img src=\"http://example.com/x.png\">.yaml\n"
            + "run:\n  name: \"a&b\"\n";
        var html = RunReport.ToHtml(RunSummary.From(Info, SampleRows.Create(2)), hostile, MetricLayout.Every, null);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("name: &quot;a&amp;b&quot;", html);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"", html);
        Assert.Single(Regex.Matches(html, "<pre>"));
    }

    /// <summary>Nothing to fetch: no src, no stylesheet link, and every link a fragment of the page itself.</summary>
    [Fact]
    public void ThePageReferencesNothingOutsideItself()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(8));
        var html = Report(rows, RunCharts.Render(rows, dir.Path, ChartOptions.Default));

        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("#", href));
    }

    private static string Report(IReadOnlyList<EpochMetrics> rows, IReadOnlyList<RenderedChart>? charts) =>
        RunReport.ToHtml(RunSummary.From(Info, rows), Info.ResolvedScenarioYaml, MetricLayout.Every, charts);

    private static string SummaryRow(string key, string value) => $"<tr><th scope=\"row\">{key}</th><td>{value}</td></tr>";

    [GeneratedRegex("<figure class=\"chart\" id=\"chart-[a-z_]+\" data-chart=\"(?<key>[a-z_]+)\">(?<body>.*?)</figure>", RegexOptions.Singleline)]
    private static partial Regex Figures();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex References();
}
