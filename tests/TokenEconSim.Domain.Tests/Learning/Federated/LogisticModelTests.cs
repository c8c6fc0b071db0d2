using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

public class LogisticModelTests
{
    // Leave-one-out gains read only the accuracy: the cheaper count must be Evaluate's own, for any model.
    [Fact]
    public void AccuracyAloneIsEvaluatesAccuracy()
    {
        var task = new LogisticTask(new LearningSection { Dimensions = 6, ValidationSize = 3000 }, runSeed: 9);
        var set = task.CreateValidationSet(9);
        var rng = new Random(4);
        for (var m = 0; m < 20; m++)
        {
            var w = Enumerable.Range(0, task.Parameters).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            Assert.Equal(LogisticModel.Evaluate(w, set).Accuracy, LogisticModel.Accuracy(w, set));
        }
        Assert.Equal(1.0, LogisticModel.Accuracy([.. task.Truth, 0], set)); // the ground truth labels the clean set exactly
    }
}
