using System.Diagnostics;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Silo.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine); these check that it uses the schema `silo db
/// init` applies and the configuration keys the CLI reads, and (where docker-compose is installed)
/// that it validates.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string ComposePath = Path.Combine(Repo.Root, "docker-compose.yml");

    [Fact]
    public void PostgresAppliesTheSchemaFileThatDbInitEmbeds()
    {
        var postgres = Service("postgres");
        var mount = Assert.Single(Sequence(postgres, "volumes"), v => v.EndsWith(".sql:ro", StringComparison.Ordinal));
        var source = mount.Split(':')[0];
        Assert.StartsWith("/docker-entrypoint-initdb.d/", mount.Split(':')[1]);
        Assert.Equal(PostgresDatabase.SchemaSql(), File.ReadAllText(Path.Combine(Repo.Root, source)));
    }

    [Fact]
    public void ThreeSilosJoinThroughPostgresWithTheCliConfigurationKeys()
    {
        foreach (var name in new[] { "silo1", "silo2", "silo3", "dashboard" })
        {
            var silo = Service(name);
            // Each silo serves /metrics (and the pages) beside its silo, reachable by its service name.
            Assert.Equal("serve", Sequence(silo, "command")[0]);
            Assert.Contains($"--address={name}", Sequence(silo, "command"));
            var environment = (YamlMappingNode)silo.Children[new YamlScalarNode("environment")];
            Assert.Equal("postgres", environment["TOKENECONSIM__CLUSTER"].ToString());
            Assert.Equal("postgres", environment["TOKENECONSIM__STORAGE"].ToString());
            ClusterSettings.ValidateConnection(environment["TOKENECONSIM__CONNECTION"].ToString(), "docker-compose.yml");
        }
        Assert.Equal("run", Sequence(Service("run"), "command")[0]);
    }

    [Fact]
    public void TheSweepClientRunsOnlyUnderItsProfileAndKeepsItsFolderInAVolume()
    {
        var sweep = Service("sweep");
        Assert.Equal(["sweep"], Sequence(sweep, "profiles"));
        var command = Sequence(sweep, "command");
        Assert.Equal("sweep", command[0]);
        Assert.True(File.Exists(Path.Combine(Repo.Root, command[1])), $"{command[1]} is not a shipped file");
        var output = command[Array.IndexOf(command, "--out") + 1];
        Assert.Contains(Sequence(sweep, "volumes"), v => v.EndsWith($":/app/{output}", StringComparison.Ordinal));
        var environment = (YamlMappingNode)sweep.Children[new YamlScalarNode("environment")];
        Assert.Equal("postgres", environment["TOKENECONSIM__CLUSTER"].ToString()); // a client of the silos, not a silo of its own
    }

    [Fact]
    public async Task DockerComposeValidatesTheFileWhereItIsInstalled()
    {
        var tool = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        if (tool is null) return; // Not installed (CI): the two tests above still read the file.
        var start = new ProcessStartInfo(tool, ["-f", ComposePath, "config", "-q"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
    }

    private static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        // The silos share their settings through a YAML anchor and merge key (<<: *silo).
        yaml.Load(new MergingParser(new Parser(new StringReader(File.ReadAllText(ComposePath)))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)root["services"])[name];
    }

    private static string[] Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString())];
}
