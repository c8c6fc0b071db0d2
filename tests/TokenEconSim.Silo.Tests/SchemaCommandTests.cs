using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo schema`: the scenario files' JSON Schema to stdout or a file (the committed copy is checked in Scenarios.Tests).</summary>
public sealed class SchemaCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SchemaPrintsTheGeneratedSchemaAndOutWritesTheCommittedFile()
    {
        var printed = await SiloCli.InvokeAsync("schema");
        var file = Path.Combine(_dir.Path, ScenarioJsonSchema.FileName);
        var written = await SiloCli.InvokeAsync("schema", "--out", file);

        CliAssert.Exit(0, printed);
        CliAssert.Exit(0, written);
        Assert.Equal(ScenarioJsonSchema.Generate(), printed.Out);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Scenarios, ScenarioJsonSchema.FileName)), File.ReadAllBytes(file));
    }

    [Fact]
    public async Task OutIntoAMissingFolderIsBadInput()
    {
        var result = await SiloCli.InvokeAsync("schema", "--out", Path.Combine(_dir.Path, "missing", "schema.json"));

        CliAssert.Exit(2, result);
        Assert.StartsWith("--out ", Assert.Single(result.ErrLines));
        CliAssert.NoStackTrace(result);
    }
}
