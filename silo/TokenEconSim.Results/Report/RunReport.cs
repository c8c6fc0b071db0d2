using System.Net;
using System.Text;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Report;

/// <summary>
/// report.html: one self-contained page for a person to open by double-click (README.md, "What a run writes"): the summary, the
/// run's charts as inline SVG (the drawings of charts/*.svg), the description of every metrics.csv column from its declaration, and
/// the resolved scenario. Nothing is fetched and nothing runs: the page has no script and a policy that forbids both. Every text
/// that comes from the run or its scenario file goes through <see cref="Text"/>. The page is a pure function of what it is given (no
/// clock, no engine, nothing but the run's own files hold), so the same scenario and seed give the same bytes on every engine.
/// Written by hand rather than with a template library: one page, a few loops, and every dynamic text escaped in one place.
/// </summary>
public static class RunReport
{
    /// <param name="summary">What summary.json holds.</param>
    /// <param name="resolvedScenarioYaml">scenario.yaml's text.</param>
    /// <param name="layout">The run's metrics.csv columns.</param>
    /// <param name="charts">The run's charts; null when the scenario turns them off (outputs.charts: false).</param>
    public static string ToHtml(RunSummary summary, string resolvedScenarioYaml, MetricLayout layout, IReadOnlyList<RenderedChart>? charts)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(resolvedScenarioYaml);
        ArgumentNullException.ThrowIfNull(layout);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Text(summary.Name)).Append(" · TokenEconSim run report</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(Text(summary.Name)).Append("</h1>\n<p>Seed ").Append(summary.Seed).Append(", ")
            .Append(summary.Epochs).Append(" epochs, TokenEconSim ").Append(Text(summary.Version)).Append(".</p>\n")
            .Append("<nav><a href=\"#summary\">Summary</a> <a href=\"#charts\">Charts</a> <a href=\"#metrics\">Metrics</a> ")
            .Append("<a href=\"#scenario\">Scenario</a></nav>\n</header>\n");
        AppendSummary(html, summary);
        AppendCharts(html, charts);
        AppendMetrics(html, layout, charts?.Select(c => c.Group).ToHashSet() ?? []);
        html.Append("<section id=\"scenario\">\n<h2>Scenario</h2>\n<p>The resolved scenario (")
            .Append(RunFiles.Scenario).Append("): every key with its effective value; <code>silo run</code> on it repeats the run.</p>\n")
            .Append("<pre>").Append(Text(resolvedScenarioYaml)).Append("</pre>\n</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>UTF-8 without a byte-order mark, as the run's other text files.</summary>
    public static byte[] ToHtmlBytes(RunSummary summary, string resolvedScenarioYaml, MetricLayout layout, IReadOnlyList<RenderedChart>? charts) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToHtml(summary, resolvedScenarioYaml, layout, charts));

    private static void AppendSummary(StringBuilder html, RunSummary summary)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<p>What ").Append(RunFiles.Summary)
            .Append(" holds (token amounts exact, in tokens; — for a value the run leaves undefined).</p>\n");
        foreach (var table in SummaryTables.Of(summary))
        {
            if (table.Name.Length > 0) html.Append("<h3>").Append(Text(table.Name)).Append("</h3>\n");
            html.Append("<table class=\"summary\">\n<thead><tr><th>key</th>");
            foreach (var head in table.Heads) html.Append("<th>").Append(Text(head)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var (key, cells) in table.Rows)
            {
                html.Append("<tr><th scope=\"row\">").Append(Text(key)).Append("</th>");
                foreach (var cell in cells) html.Append("<td>").Append(Text(cell)).Append("</td>");
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        html.Append("</section>\n");
    }

    private static void AppendCharts(StringBuilder html, IReadOnlyList<RenderedChart>? charts)
    {
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts is null)
            html.Append("<p class=\"note\">No charts: the scenario turns them off (<code>outputs.charts: false</code>).</p>\n");
        else if (charts.Count == 0)
            html.Append("<p class=\"note\">No charts: the run has no epochs.</p>\n");
        foreach (var chart in charts ?? [])
        {
            html.Append("<figure class=\"chart\" id=\"").Append(Anchor(chart.Group)).Append("\" data-chart=\"").Append(Text(chart.Group.Key))
                .Append("\">\n");
            // A drawn chart carries its title inside the drawing (and as its aria-label); only "no data" needs a caption.
            if (chart.Svg is null)
                html.Append("<figcaption>").Append(Text(chart.Group.Title)).Append("</figcaption>\n")
                    .Append("<p class=\"no-data\">no data: every value of this chart's columns is empty in this run</p>\n");
            else html.Append(InlineSvg.Of(chart.Svg, chart.Group.Key + "-", chart.Group.Title)).Append('\n');
            html.Append("</figure>\n");
        }
        html.Append("</section>\n");
    }

    /// <param name="shown">The charts of this report: a column names those that draw it, each a link to its chart.</param>
    private static void AppendMetrics(StringBuilder html, MetricLayout layout, IReadOnlySet<ChartGroup> shown)
    {
        html.Append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<p>The columns of ").Append(RunFiles.Metrics)
            .Append(", one row per epoch, in file order. Token amounts are in tokens; an empty cell is an undefined value.</p>\n")
            .Append("<table class=\"metrics\">\n<thead><tr><th>column</th><th>unit</th><th>meaning</th><th>charts</th></tr></thead>\n")
            .Append("<tbody>\n<tr class=\"group\"><th colspan=\"4\">run: which run a row belongs to</th></tr>\n<tr data-column=\"")
            .Append(RunFiles.RunIdColumn).Append("\"><td><code>").Append(RunFiles.RunIdColumn)
            .Append("</code></td><td>text</td><td>the run's id, the same on every row: 12 hex digits, a pure function of the scenario and seed, ")
            .Append("so that the tables of many runs concatenate and stay apart</td><td></td></tr>\n</tbody>\n");
        foreach (var group in layout.Columns.GroupBy(c => c.Group))
        {
            html.Append("<tbody>\n<tr class=\"group\"><th colspan=\"4\">").Append(Text(group.Key.Key)).Append(": ")
                .Append(Text(group.Key.Description)).Append("</th></tr>\n");
            foreach (var column in group)
            {
                var charts = column.Charts.Select(s => s.Chart).Where(shown.Contains).Distinct()
                    .Select(g => $"<a href=\"#{Anchor(g)}\">{Text(g.Title)}</a>");
                html.Append("<tr data-column=\"").Append(Text(column.Name)).Append("\"><td><code>").Append(Text(column.Name))
                    .Append("</code></td><td>").Append(Text(column.Unit.ToString().ToLowerInvariant())).Append("</td><td>")
                    .Append(Text(column.Description)).Append("</td><td>").Append(string.Join("<br>", charts)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n");
        }
        html.Append("</table>\n</section>\n");
    }

    private static string Anchor(ChartGroup chart) => "chart-" + Text(chart.Key);

    /// <summary>Text as HTML: &lt; &gt; &amp; and quotes escaped, so a scenario's text can never become markup.</summary>
    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private const string Style = """

        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1.5rem 3rem;
          color: #1d1d1f; line-height: 1.45; }
        header { border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
        h1 { margin: 1.5rem 0 0.25rem; }
        h2 { margin-top: 2.5rem; border-bottom: 1px solid #eee; padding-bottom: 0.25rem; }
        nav a { margin-right: 1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        table.summary td { font-variant-numeric: tabular-nums; text-align: right; }
        table.summary th[scope=row], table.metrics code { font-family: "DejaVu Sans Mono", monospace; font-weight: normal; }
        tr.group th { background: #f3f5f8; }
        figure.chart { margin: 1.5rem 0; }
        figure.chart figcaption { font-weight: bold; margin-bottom: 0.25rem; }
        figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #eee; }
        .no-data, .note { color: #666; font-style: italic; }
        pre { background: #f6f8fa; padding: 1rem; overflow-x: auto; font-size: 0.85rem; }

        """;
}
