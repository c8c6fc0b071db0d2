using TokenEconSim.Domain.Learning.Lstm;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

public class LstmConfigTests
{
    [Fact]
    public void TheDefaultIsValid() => Assert.Empty(new LstmConfig().Validate());

    [Theory]
    [InlineData("Window", "Window must be ≥ 2 time steps (got 1)")]
    [InlineData("HiddenSize", "HiddenSize must be ≥ 1 (got 0)")]
    [InlineData("Layers0", "Layers must be 1 or 2 (got 0)")]
    [InlineData("Layers3", "Layers must be 1 or 2 (got 3)")]
    [InlineData("LearningRate", "LearningRate must be positive and finite (got 0)")]
    [InlineData("NegativeLearningRate", "LearningRate must be positive and finite (got -0.1)")]
    [InlineData("InputSize", "InputSize must be ≥ 1 (got 0)")]
    [InlineData("GradientClip", "GradientClip must be positive, or +∞ to disable (got 0)")]
    public void EachBadValueHasItsOwnMessage(string bad, string message)
    {
        var config = bad switch
        {
            "Window" => new LstmConfig { Window = 1 },
            "HiddenSize" => new LstmConfig { HiddenSize = 0 },
            "Layers0" => new LstmConfig { Layers = 0 },
            "Layers3" => new LstmConfig { Layers = 3 },
            "LearningRate" => new LstmConfig { LearningRate = 0 },
            "NegativeLearningRate" => new LstmConfig { LearningRate = -0.1 },
            "InputSize" => new LstmConfig { InputSize = 0 },
            _ => new LstmConfig { GradientClip = 0 },
        };
        Assert.Equal([message], config.Validate());
    }

    [Fact]
    public void SeveralBadValuesAreAllReportedAndTheNetworkRefusesThem()
    {
        var config = new LstmConfig { Window = 1, HiddenSize = 0, Layers = 3, LearningRate = 0 };
        Assert.Equal(4, config.Validate().Count);
        var thrown = Assert.Throws<ArgumentException>(() => new LstmNetwork(config, 1));
        Assert.Contains("Window must be ≥ 2", thrown.Message);
        Assert.Contains("Layers must be 1 or 2", thrown.Message);
    }
}
