using TokenEconSim.Domain.Learning.Lstm;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

public class LstmBenchmarkTests
{
    [Fact]
    public void ReturnsPositiveTimings()
    {
        var result = LstmBenchmark.Measure(iterations: 20);
        Assert.True(result.MicrosecondsPerTrainStep > 0);
        Assert.True(result.MicrosecondsPerPrediction > 0);
    }
}
