using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// docker-compose.yml and what it mounts, checked natively (no Docker engine here): the compose
/// client's own validation, promtool on Prometheus' config, Grafana's provisioning as files.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static string Deploy(string path) => Path.Combine(Repo.Root, "deploy", path);

    [Fact]
    public async Task TheComposeFilePassesDockerComposeConfig()
    {
        // docker compose v2 when the client has it, else docker-compose v1 (Debian's package).
        var (file, args) = Tools.Find("docker") is { } docker && (await Shell.RunAsync(docker, ["compose", "version"], Repo.Root)).Exit == 0
            ? (docker, new[] { "compose", "config", "--quiet" })
            : (Tools.Require("docker-compose"), new[] { "config", "--quiet" });
        var (exit, output) = await Shell.RunAsync(file, args, Repo.Root);
        Assert.True(exit == 0, $"{file} {string.Join(' ', args)} exited {exit}:\n{output}");
    }

    [Fact]
    public async Task PrometheusConfigPassesPromtoolAndScrapesEverySiloOfTheComposeFile()
    {
        var (exit, output) = await Shell.RunAsync(Tools.Require("promtool"), ["check", "config", Deploy("prometheus/prometheus.yml")], Repo.Root);
        Assert.True(exit == 0, output);
        var targets = Yaml(Deploy("prometheus/prometheus.yml"))["scrape_configs"][0]["static_configs"][0]["targets"];
        var compose = Yaml(Path.Combine(Repo.Root, "docker-compose.yml"))["services"];
        foreach (var target in ((YamlSequenceNode)targets).Children.Select(t => t.ToString()))
        {
            var service = target.Split(':')[0];
            Assert.True(((YamlMappingNode)compose).Children.ContainsKey(service), $"target {target}: no service '{service}' in docker-compose.yml");
            Assert.Contains("--port=" + target.Split(':')[1], ((YamlSequenceNode)compose["silo1"]["command"]).Children.Select(c => c.ToString()));
        }
    }

    [Fact]
    public void GrafanaDataSourcePointsAtTheComposePrometheus()
    {
        var source = Yaml(Deploy("grafana/provisioning/datasources/prometheus.yml"))["datasources"][0];
        Assert.Equal("prometheus", source["type"].ToString());
        Assert.Equal("http://prometheus:9090", source["url"].ToString());
        var compose = File.ReadAllText(Path.Combine(Repo.Root, "docker-compose.yml"));
        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning", compose);
        Assert.Contains("127.0.0.1:9090:9090", compose);
    }

    [Fact]
    public void GrafanaDashboardIsProvisionedFromTheMountedFolderAndEveryPanelQueriesTheDataSource()
    {
        var provider = Yaml(Deploy("grafana/provisioning/dashboards/tokeneconsim.yml"))["providers"][0];
        Assert.Equal("/var/lib/grafana/dashboards", provider["options"]["path"].ToString());
        Assert.Contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards", File.ReadAllText(Path.Combine(Repo.Root, "docker-compose.yml")));

        var uid = Yaml(Deploy("grafana/provisioning/datasources/prometheus.yml"))["datasources"][0]["uid"].ToString();
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Deploy("grafana/dashboards/tokeneconsim.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.True(panels.Count >= 8, $"{panels.Count} panels");
        foreach (var panel in panels)
        {
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("title").GetString()));
            Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t => Assert.Contains("tokeneconsim_", t.GetProperty("expr").GetString()));
        }
    }

    /// <summary>Every metric name the Grafana dashboard queries (checked against a real exposition by the Prometheus test).</summary>
    internal static IReadOnlyList<string> GrafanaMetricNames()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Deploy("grafana/dashboards/tokeneconsim.json")));
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t.GetProperty("expr").GetString()!, "tokeneconsim_[a-z_]+")
                .Select(m => m.Value))
            .Distinct()];
    }

    private static YamlNode Yaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }
}
