using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Binding;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Tests.Binding;

// Future issues add keys by adding properties; these model types stand in for shapes the Domain
// does not have yet (lists, nullables, a sub-section whose default the parent sets).
public sealed class ShockModel
{
    [Range(0, 1000)] public int At { get; init; }
    public double Factor { get; init; } = 1;
}

public sealed class InnerModel
{
    public int Size { get; init; } = 1;
    public string Label { get; init; } = "inner";
}

public sealed class FutureModel
{
    public static readonly InnerModel SharedDefault = new() { Size = 99 };

    public InnerModel Tuned { get; init; } = new() { Size = 5 };
    public InnerModel Shared { get; init; } = SharedDefault;
    public int? Limit { get; init; } = 3;
    [Range(0, 1)] public IReadOnlyList<double> Grid { get; init; } = [];
    public List<ShockModel> Shocks { get; init; } = [];
    [Samples(SampleDomain.UnitInterval)] public Distribution[] Mix { get; init; } = [];
    public int Computed => Tuned.Size * 2;   // no setter: not a key
}

public class BinderTests
{
    private static (FutureModel Model, List<ScenarioError> Errors) Bind(string yaml)
    {
        var errors = new List<ScenarioError>();
        var tree = (MappingNode)YamlReader.Read(yaml, "f.yaml", errors)!;
        var model = (FutureModel)new Binder(errors).BindSection(typeof(FutureModel), null, tree, "");
        return (model, errors);
    }

    [Fact]
    public void SubSectionStartsFromTheParentsInitialiserNotTheTypesDefault()
    {
        var (model, errors) = Bind("tuned:\n  label: x\n");
        Assert.Empty(errors);
        Assert.Equal(5, model.Tuned.Size);       // the parent's `new() { Size = 5 }`, not InnerModel's 1
        Assert.Equal("x", model.Tuned.Label);
    }

    [Fact]
    public void SharedDefaultObjectIsNeverMutated()
    {
        var (model, errors) = Bind("shared:\n  size: 1\n");
        Assert.Empty(errors);
        Assert.Equal(1, model.Shared.Size);
        Assert.Equal(99, FutureModel.SharedDefault.Size);
        Assert.Equal(99, new FutureModel().Shared.Size);
    }

    [Fact]
    public void NullableTakesNull()
    {
        Assert.Null(Bind("limit: null\n").Model.Limit);
        Assert.Null(Bind("limit:\n").Model.Limit);
        Assert.Equal(8, Bind("limit: 8\n").Model.Limit);
        Assert.Equal(3, Bind("grid: []\n").Model.Limit);
    }

    [Fact]
    public void ListsOfScalarsSectionsAndDistributionsBind()
    {
        var (model, errors) = Bind("""
            grid: [0, 0.5, 1]
            shocks:
              - at: 10
                factor: 0.5
              - at: 20
            mix:
              - beta(2,2)
              - "const(0.5)"
            """);
        Assert.Empty(errors);
        Assert.Equal([0, 0.5, 1], model.Grid);
        Assert.Equal([(10, 0.5), (20, 1.0)], model.Shocks.Select(s => (s.At, s.Factor)));
        Assert.Equal([new Distribution(DistributionKind.Beta, 2, 2), new Distribution(DistributionKind.Const, 0.5)], model.Mix);
    }

    [Fact]
    public void ListElementErrorsNameTheIndexAndApplyTheKeysConstraints()
    {
        var (_, errors) = Bind("""
            grid: [0, 2, x]
            shocks:
              - at: 5000
              - tme: 1
            mix: ["gamma(2,2)"]
            """);
        Assert.Equal(
            ["f.yaml:1:11: grid[1]: 2 is out of range; valid: 0 … 1",
             "f.yaml:1:14: grid[2]: expected a number, got 'x'",
             "f.yaml:3:9: shocks[0].at: 5000 is out of range; valid: 0 … 1000",
             "f.yaml:4:5: unknown key 'tme' in section 'shocks[1]'; valid keys: at, factor",
             "f.yaml:5:7: mix[0]: gamma(2,2) can give values outside [0, 1], but samples must lie in [0, 1]; use e.g. beta(a,b), uniform(a,b) with "
                 + "0 ≤ a < b ≤ 1, or const(x) with 0 ≤ x ≤ 1"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ScalarWhereListExpectedIsATypeError()
    {
        var (_, errors) = Bind("grid: 0.5\n");
        Assert.Equal("f.yaml:1:7: grid: expected a list of number values, got '0.5'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void ComputedPropertiesAreNotKeys()
    {
        var (_, errors) = Bind("computed: 3\n");
        Assert.StartsWith("unknown top-level key 'computed'", Assert.Single(errors).Message);
    }

    [Fact]
    public void WriterOutputOfListsNullablesAndSubSectionsBindsBackToTheSameValues()
    {
        var (model, errors) =
            Bind("tuned:\n  size: 6\nlimit: null\ngrid: [0.25, 1]\nshocks:\n  - at: 1\n    factor: 2\n  - at: 3\nmix: [const(1)]\n");
        Assert.Empty(errors);
        var yaml = ScenarioWriter.WriteRoot(model);
        Assert.Contains("shocks:\n  - at: 1\n    factor: 2\n  - at: 3\n    factor: 1\n", yaml);
        Assert.Contains("limit: null\n", yaml);
        var (back, backErrors) = Bind(yaml);
        Assert.Empty(backErrors);
        Assert.Equal(yaml, ScenarioWriter.WriteRoot(back));
        Assert.Equal(ScenarioWriter.WriteRoot(new FutureModel()), ScenarioWriter.WriteRoot(Bind(ScenarioWriter.WriteRoot(new FutureModel())).Model));
    }
}
