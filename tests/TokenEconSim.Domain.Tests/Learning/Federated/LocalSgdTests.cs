using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

public class LocalSgdTests
{
    private static readonly LearningSection Settings = new() { Dimensions = 5, ValidationSize = 1000 };

    [Fact]
    public void TrainingOnCleanBatchesTakesTheModelFromChanceToHighAccuracy()
    {
        var task = new LogisticTask(Settings, runSeed: 3);
        var validation = task.CreateValidationSet(3);
        var (features, labels) = Batches(task, count: 5, records: 100);
        var start = new double[task.Parameters];
        var before = LogisticModel.Evaluate(start, validation);

        var delta = new LocalSgd(task.Dimensions, 16).Train(start, features, labels, 500, 3, 0.5, new Xoshiro256StarStar(1));
        var after = LogisticModel.Evaluate(delta, validation); // start is 0: the delta is the model

        Assert.Equal(Math.Log(2), before.Loss, 12);
        Assert.True(after.Accuracy > 0.9, $"accuracy {after.Accuracy}");
        Assert.True(after.Loss < before.Loss);
    }

    [Fact]
    public void TheSameGeneratorStateGivesTheSameUpdateAndAnotherGivesAnother()
    {
        var task = new LogisticTask(Settings, runSeed: 3);
        var (features, labels) = Batches(task, count: 2, records: 50);
        var global = Enumerable.Range(0, task.Parameters).Select(k => 0.1 * k).ToArray();
        var sgd = new LocalSgd(task.Dimensions, 7); // 100 samples: a short last mini-batch
        var a = sgd.Train(global, features, labels, 100, 2, 0.3, new Xoshiro256StarStar(11));
        var b = new LocalSgd(task.Dimensions, 7).Train(global, features, labels, 100, 2, 0.3, new Xoshiro256StarStar(11));
        var c = sgd.Train(global, features, labels, 100, 2, 0.3, new Xoshiro256StarStar(12));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    // One full-batch step by hand: w ← w − η/B · Σ (σ(w·x) − y)·x, missing values imputed 0.
    [Fact]
    public void OneStepIsTheLogisticGradientStep()
    {
        var task = new LogisticTask(new LearningSection { Dimensions = 2 }, runSeed: 1);
        double[] features = [1, 2, double.NaN, -1];
        double[] labels = [1, 0];
        double[] global = [0.5, -0.5, 0.1];
        var delta = new LocalSgd(task.Dimensions, 2).Train(global, features, labels, 2, 1, 0.2, new Xoshiro256StarStar(1));
        double[][] x = [[1, 2, 1], [0, -1, 1]];
        var expected = new double[3];
        foreach (var (row, y) in x.Zip(labels))
        {
            var r = LogisticModel.Sigmoid(row[0] * 0.5 + row[1] * -0.5 + 0.1) - y;
            for (var k = 0; k < 3; k++) expected[k] -= 0.2 / 2 * r * row[k];
        }
        for (var k = 0; k < 3; k++) Assert.Equal(expected[k], delta[k], 12);
    }

    // The plain loops replaced MathNet products: every update must be MathNet's to the bit (careless batches: missing values and
    // label noise; batch sizes that leave a short last mini-batch; several dimensions, learning rates, passes and a non-zero start).
    [Theory]
    [InlineData(10, 16, 2, 0.1, 437)]
    [InlineData(5, 7, 3, 0.5, 100)]
    [InlineData(3, 1, 1, 0.05, 33)]
    [InlineData(12, 64, 2, 1.5, 50)]
    public void UpdatesAreMathNetsToTheBit(int dimensions, int batch, int passes, double rate, int samples)
    {
        var task = new LogisticTask(new LearningSection { Dimensions = dimensions, MaxMissingRate = 0.3, MaxLabelNoise = 0.4 }, runSeed: 5);
        var features = new double[samples * dimensions];
        var labels = new double[samples];
        task.Generate(new BatchDescriptor(0, samples, 0.2, 77), new Xoshiro256StarStar(0), features, labels, new double[dimensions]);
        Assert.Contains(features, double.IsNaN);
        var global = Enumerable.Range(0, task.Parameters).Select(k => 0.05 * (k - 3)).ToArray();
        var (ours, theirs) = (new LocalSgd(dimensions, batch), new MathNetLocalSgd(dimensions, batch));
        for (var seed = 1UL; seed <= 5; seed++)
        {
            var expected = theirs.Train(global, features, labels, samples, passes, rate, new Xoshiro256StarStar(seed));
            var actual = ours.Train(global, features, labels, samples, passes, rate, new Xoshiro256StarStar(seed));
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
            global = expected;
        }
    }

    private static (double[] Features, double[] Labels) Batches(LogisticTask task, int count, int records)
    {
        var features = new double[count * records * task.Dimensions];
        var labels = new double[count * records];
        var rng = new Xoshiro256StarStar(0);
        for (var b = 0; b < count; b++)
            task.Generate(new BatchDescriptor(b, records, 1.0, (ulong)(b + 100)), rng,
                features.AsSpan(b * records * task.Dimensions), labels.AsSpan(b * records), new double[task.Dimensions]);
        return (features, labels);
    }
}
