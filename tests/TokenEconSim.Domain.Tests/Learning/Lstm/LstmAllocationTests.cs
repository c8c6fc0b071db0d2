using TokenEconSim.Domain.Learning.Lstm;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

// Predictions and training steps reuse the network's buffers. Bytes allocated on this thread do not depend
// on the machine's load; the warm-up keeps tiered JIT's first calls (and their one-off allocations) out.
public class LstmAllocationTests
{
    private const long Bound = 256;
    private const int Calls = 50;

    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 32)]
    public void PredictionAllocatesAlmostNothing(int layers, int hidden)
    {
        var regressor = new LstmRegressor(new LstmConfig { Window = 12, HiddenSize = hidden, Layers = layers }, 5);
        var window = Enumerable.Range(0, 12).Select(k => Math.Sin(k)).ToArray();
        Assert.True(BytesPerCall(() => regressor.Predict(window)) < Bound);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 32)]
    public void TrainingStepAllocatesAlmostNothing(int layers, int hidden)
    {
        var network = new LstmNetwork(new LstmConfig { Window = 12, HiddenSize = hidden, Layers = layers }, 5);
        double[][] windows = [.. Enumerable.Range(0, 4).Select(s => Enumerable.Range(0, 12).Select(k => Math.Sin(k + s)).ToArray())];
        double[] targets = [0.1, -0.2, 0.3, 0.0];
        int[] batch = [0, 1, 2, 3];
        Assert.True(BytesPerCall(() => network.TrainBatch(windows, targets, batch)) < Bound);
    }

    private static long BytesPerCall(Action call)
    {
        for (var k = 0; k < 200; k++) call(); // warm-up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < Calls; k++) call();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
