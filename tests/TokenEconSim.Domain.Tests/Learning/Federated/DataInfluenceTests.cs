using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

/// <summary>
/// A batch's influence on the validation loss (TracIn at one checkpoint, Pruthi et al. 2020): the first-order reduction of the mean
/// validation loss by a gradient step on the batch, checked against the loss itself (finite differences of LogisticModel.Evaluate).
/// </summary>
public sealed class DataInfluenceTests
{
    private const int Dimensions = 4, Records = 200;
    private static readonly LogisticTask Task = new(new LearningSection { Dimensions = Dimensions }, runSeed: 11);
    private static readonly ValidationSet Validation = Task.CreateValidationSet(11);

    /// <summary>A model part of the way to the truth: the batch's labels, right or biased, move its loss either way.</summary>
    private static double[] PartlyTrained() => [.. Task.Truth.ToArray().Select(w => 0.5 * w), 0.1];

    [Fact]
    public void TheValidationGradientIsTheDerivativeOfTheValidationLoss()
    {
        var w = PartlyTrained();
        var gradient = DataInfluence.ValidationGradient(w, Validation);
        for (var k = 0; k < w.Length; k++)
        {
            const double h = 1e-6;
            var (up, down) = ((double[])w.Clone(), (double[])w.Clone());
            up[k] += h;
            down[k] -= h;
            var slope = (LogisticModel.Evaluate(up, Validation).Loss - LogisticModel.Evaluate(down, Validation).Loss) / (2 * h);
            Assert.Equal(slope, gradient[k], 6);
        }
    }

    [Theory]
    [InlineData(1.0, 1UL)]
    [InlineData(0.0, 2UL)]
    [InlineData(0.4, 3UL)]
    public void InfluenceIsTheLossReductionOfASmallStepOnTheBatchOverItsSize(double care, ulong seed)
    {
        var w = PartlyTrained();
        var (features, labels) = Batch(care, seed);
        var influence = DataInfluence.OfBatch(w, DataInfluence.ValidationGradient(w, Validation), features, labels, Records);

        // The step −η·Σ∇ℓ over the batch, written out from the log-loss's gradient (σ(z) − y)·x̃ with missing values 0.
        const double eta = 1e-6;
        var stepped = (double[])w.Clone();
        for (var i = 0; i < Records; i++)
        {
            var x = features.AsSpan(i * Dimensions, Dimensions).ToArray().Select(v => double.IsNaN(v) ? 0 : v).ToArray();
            var residual = LogisticModel.Sigmoid(LogisticModel.Logit(w, x)) - labels[i];
            for (var k = 0; k < Dimensions; k++) stepped[k] -= eta * residual * x[k];
            stepped[Dimensions] -= eta * residual;
        }
        var reduction = LogisticModel.Evaluate(w, Validation).Loss - LogisticModel.Evaluate(stepped, Validation).Loss;

        Assert.Equal(reduction / eta, influence, Math.Abs(influence) * 1e-3 + 1e-9);
    }

    [Fact]
    public void CarefulBatchesHelpAModelPartOfTheWayThereMoreThanCarelessOnes()
    {
        var w = PartlyTrained();
        var gradient = DataInfluence.ValidationGradient(w, Validation);
        double Mean(double care) => Enumerable.Range(1, 20).Average(s =>
        {
            var (features, labels) = Batch(care, (ulong)s);
            return DataInfluence.OfBatch(w, gradient, features, labels, Records);
        });

        var (careful, careless) = (Mean(1), Mean(0));

        Assert.True(careful > 0, $"a careful batch lowers the validation loss: {careful}");
        // Measured at this model: about 16.9 against 5.2 (20 batches each).
        Assert.True(careless < careful / 2, $"careless (label noise toward class 0) {careless} < half of careful {careful}");
    }

    private static (double[] Features, double[] Labels) Batch(double care, ulong seed)
    {
        var (features, labels) = (new double[Records * Dimensions], new double[Records]);
        Task.Generate(new BatchDescriptor(0, Records, care, seed), new Xoshiro256StarStar(0), features, labels, new double[Dimensions]);
        return (features, labels);
    }
}
