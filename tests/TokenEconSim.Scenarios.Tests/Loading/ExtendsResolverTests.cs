using TokenEconSim.Domain.Distributions;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Loading;

public class ExtendsResolverTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Base = """
        # the base
        run:
          name: base
          seed: 11
          epochs: 30
        populations:
          users:
            count: 9
            calls: poisson(7)
        """;

    [Fact]
    public void OverrideWinsKeyByKeyAndBaseValuesAreKept()
    {
        _dir.Write("base.yaml", Base);
        var path = _dir.Write("child.yaml", """
            extends: base.yaml
            run:
              name: child
            populations:
              users:
                calls: poisson(8)
              miners:
                count: 2
            """);
        var result = ScenarioLoader.LoadFile(path);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var s = result.Scenario;
        Assert.Equal("child", s.Run.Name);           // override wins
        Assert.Equal(11, s.Run.Seed);                // base kept beside an overridden sibling
        Assert.Equal(30, s.Run.Epochs);
        Assert.Equal(9, s.Populations.Users.Count);  // base kept two levels down
        Assert.Equal(new Distribution(DistributionKind.Poisson, 8), s.Populations.Users.Calls);
        Assert.Equal(2, s.Populations.Miners.Count); // only in the override
        Assert.Equal(5, s.Populations.Validators.Count); // in neither: default
    }

    [Fact]
    public void ExtendsChainsAreFollowedAndPathsAreRelativeToTheExtendingFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "lib"));
        _dir.Write("lib/root.yaml", "run:\n  seed: 1\n  epochs: 2\n");
        _dir.Write("lib/mid.yaml", "extends: root.yaml\nrun:\n  epochs: 3\n");
        var path = _dir.Write("top.yaml", "extends: lib/mid.yaml\nrun:\n  name: top\n");
        var result = ScenarioLoader.LoadFile(path);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal((1L, 3, "top"), (result.Scenario.Run.Seed, result.Scenario.Run.Epochs, result.Scenario.Run.Name));
    }

    [Fact]
    public void ErrorInBaseNamesTheBaseFileAndErrorInChildNamesTheChild()
    {
        var basePath = _dir.Write("base.yaml", "run:\n  seed: 1\n  epochs: many\n");
        var childPath = _dir.Write("child.yaml", "extends: base.yaml\nrun:\n  nmae: x\n");
        var result = ScenarioLoader.LoadFile(childPath);
        Assert.Equal(
            [$"{childPath}:3:3: unknown key 'nmae' in section 'run'; did you mean 'name'?",
             $"{basePath}:3:11: run.epochs: expected an integer, got 'many'"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void OverriddenBadValueInBaseIsNotAnError()
    {
        _dir.Write("base.yaml", "run:\n  epochs: many\n");
        var path = _dir.Write("child.yaml", "extends: base.yaml\nrun:\n  epochs: 4\n");
        Assert.True(ScenarioLoader.LoadFile(path).Success);
    }

    [Fact]
    public void BaseFileIsNamedRelativeToTheWorkingDirectoryWhenTheRootIsRelative()
    {
        _dir.Write("base.yaml", "run:\n  epochs: 0\n");
        _dir.Write("child.yaml", "extends: base.yaml\n");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_dir.Path, "child.yaml"));
        var error = Assert.Single(ScenarioLoader.LoadFile(relative).Errors);
        Assert.Equal(Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_dir.Path, "base.yaml")), error.File);
    }

    [Fact]
    public void LoadTextFollowsExtendsToo()
    {
        var basePath = _dir.Write("base.yaml", Base);
        var result = ScenarioLoader.LoadText($"extends: \"{basePath}\"\nrun:\n  epochs: 2\n", "grain-input");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal((11L, 2), (result.Scenario.Run.Seed, result.Scenario.Run.Epochs));
    }

    [Fact]
    public void CycleIsAnErrorAtTheExtendsThatClosesIt()
    {
        var a = _dir.Write("a.yaml", "extends: b.yaml\nrun:\n  seed: 1\n");
        var b = _dir.Write("b.yaml", "run:\n  seed: 2\nextends: a.yaml\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(a).Errors);
        Assert.Equal((b, 3, 10), (error.File, error.Line, error.Column));
        Assert.Equal($"extends: cycle {a} → {b} → {a}", error.Message);
    }

    [Fact]
    public void FileExtendingItselfIsACycle()
    {
        var a = _dir.Write("a.yaml", "extends: a.yaml\n");
        Assert.Contains("extends: cycle", Assert.Single(ScenarioLoader.LoadFile(a).Errors).Message);
    }

    [Fact]
    public void MissingBaseIsReportedAtTheExtendsNode()
    {
        var path = _dir.Write("child.yaml", "run:\n  seed: 1\nextends: nowhere.yaml\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((path, 3, 10), (error.File, error.Line, error.Column));
        Assert.Contains("nowhere.yaml", error.Message);
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void ExtendsMustBeAPath()
    {
        var path = _dir.Write("child.yaml", "extends:\n  - a.yaml\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.StartsWith("extends: expected the path of a base scenario file", error.Message);
    }

    [Fact]
    public void InvalidYamlInBaseNamesTheBase()
    {
        var basePath = _dir.Write("base.yaml", "run: [\n");
        var path = _dir.Write("child.yaml", "extends: base.yaml\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal(basePath, error.File);
        Assert.StartsWith("invalid YAML", error.Message);
    }

    [Fact]
    public void EmptySectionInOverrideKeepsTheBaseSection()
    {
        _dir.Write("base.yaml", "run:\n  epochs: 4\n");
        var path = _dir.Write("child.yaml", "extends: base.yaml\nrun:\n");
        var result = ScenarioLoader.LoadFile(path);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(4, result.Scenario.Run.Epochs);
    }

    [Fact]
    public void SimplexErrorIsReportedWhereTheOverrideWritesRewards()
    {
        _dir.Write("base.yaml", "rewards:\n  alpha: 0.4\n  beta: 0.3\n  gamma: 0.3\n");
        var path = _dir.Write("child.yaml", "extends: base.yaml\n\nrewards:\n  alpha: 0.6\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((path, 3, 1), (error.File, error.Line, error.Column));
        Assert.Equal("rewards: alpha + beta + gamma must equal 1, got 0.6 + 0.3 + 0.3 = 1.2", error.Message);
    }
}
