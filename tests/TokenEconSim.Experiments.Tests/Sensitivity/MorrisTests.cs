using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Experiments.Tests.Sensitivity;

public sealed class MorrisTests
{
    [Fact]
    public void ALinearModelsElementaryEffectsAreItsSlopesInTheUnitCube()
    {
        // f = 3·x₁ − 2·x₂ on [0, 10] × [0, 1], x₃ unused: EE₁ = 3·10 = 30 every time, EE₂ = −2, EE₃ = 0, σ = 0.
        ParameterRange[] ranges = [new("a", 0, 10), new("b", 0, 1), new("unused", -5, 5)];
        var effects = SensitivityAnalysis.Morris(x => 3 * x[0] - 2 * x[1], ranges, trajectories: 20, levels: 6);

        Assert.Equal(30, effects[0].Mu, 9);
        Assert.Equal(30, effects[0].MuStar, 9);
        Assert.Equal(-2, effects[1].Mu, 9);
        Assert.Equal(2, effects[1].MuStar, 9);
        Assert.Equal(0, effects[2].MuStar, 12);
        Assert.All(effects, e => Assert.Equal(0, e.Sigma, 9));
    }

    [Fact]
    public void EveryTrajectoryMovesEachParameterOnceByDeltaOnTheGrid()
    {
        var design = new MorrisDesign(parameters: 5, trajectories: 30, levels: 4, seed: 7);

        Assert.Equal(4 / 6.0, design.Delta, 12);
        Assert.Equal(30 * 6, design.Rows.Count);
        for (var t = 0; t < 30; t++)
        {
            var moved = new HashSet<int>();
            for (var s = 0; s < 5; s++)
            {
                double[] before = design.Rows[t * 6 + s], after = design.Rows[t * 6 + s + 1];
                var (i, move) = design.StepOf(t, s);
                Assert.True(moved.Add(i), "a parameter moved twice");
                Assert.Equal(before[i] + move, after[i], 12);
                Assert.Equal(design.Delta, Math.Abs(move), 12);
                Assert.All(Enumerable.Range(0, 5).Where(j => j != i), j => Assert.Equal(before[j], after[j]));
                Assert.All(after, v => Assert.Contains(Math.Round(v * 3, 9), new[] { 0.0, 1, 2, 3 }));
            }
        }
    }

    [Fact]
    public void OddLevelsAndTooFewTrajectoriesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(2, 10, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(2, 1, 4, 1));
    }
}
