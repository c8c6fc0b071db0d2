using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>Cross-field rules of learning.kind: federated, each reported where the file writes it.</summary>
public sealed class LearningValidationTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void QualityWeightsMustSumToOne()
    {
        var path = _dir.Write("q.yaml", "learning:\n  kind: federated\n  quality:\n    completeness: 0.5\n    diversity: 0.3\n    scarcity: 0.3\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((path, 3, 3), (error.File, error.Line, error.Column));
        Assert.Equal("learning.quality: completeness + diversity + scarcity must equal 1, got 0.5 + 0.3 + 0.3 = 1.1", error.Message);
    }

    [Fact]
    public void TheValidationSetMustFitInMemory()
    {
        var path = _dir.Write("v.yaml", "learning:\n  dimensions: 1000\n  validation_size: 100000\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((3, 20), (error.Line, error.Column));
        Assert.Contains("learning.validation_size: 100000 samples of 1000 features", error.Message);
    }

    [Theory]
    [InlineData("aggregation: mean", "learning.aggregation")]
    [InlineData("trim_fraction: 0.5", "learning.trim_fraction")]
    [InlineData("max_label_noise: 0.6", "learning.max_label_noise")]
    [InlineData("learning_rate: 0", "learning.learning_rate")]
    public void OutOfRangeValuesNameTheKey(string line, string key)
    {
        var path = _dir.Write("r.yaml", $"learning:\n  kind: federated\n  {line}\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(key, error.Message);
    }
}
