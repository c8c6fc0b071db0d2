using TokenEconSim.Domain.Consensus.Prediction;

namespace TokenEconSim.Domain.Tests.Consensus;

public class WindowHashrateTests
{
    /// <summary>Forecasts from a script: for each observation it returns the next entry.</summary>
    private sealed class Scripted(params double[] forecasts) : IHashratePredictor
    {
        private int _next;
        public Task<double?> ObserveAsync(WindowObservation window) => Task.FromResult<double?>(forecasts[_next++]);
    }

    // Windows of one block of 1 second: the observed hashrate is the block's expected hashes.
    private static async Task<List<double>> Skills(double[] hashrates, IHashratePredictor predictor, int skillWindows)
    {
        var window = new WindowHashrate(1, predictor, skillWindows);
        var skills = new List<double>();
        foreach (var h in hashrates)
        {
            await window.OnBlockAsync(h, 1);
            skills.Add(window.Forecast!.Value.Skill);
        }
        return skills;
    }

    private static readonly double[] Switching = [1, 1, 3, 3, 1, 1, 3, 3, 1, 1];

    [Fact]
    public async Task APerfectForecastEarnsSkillOneOnceEnoughWindowsAreScored()
    {
        var perfect = new Scripted([.. Switching.Skip(1), 1]);
        var skills = await Skills(Switching, perfect, skillWindows: 3);
        Assert.Equal([0, 0, 0], skills.Take(3));     // scored windows: 0, 1, 2
        Assert.All(skills.Skip(3), s => Assert.Equal(1, s));
    }

    [Fact]
    public async Task LastValueHasNoSkillAndAWorseForecastIsFlooredAtZero()
    {
        Assert.All(await Skills(Switching, new LastValuePredictor(), 2), s => Assert.Equal(0, s));
        var tenfold = new Scripted([.. Switching.Skip(1).Select(h => 10 * h), 1]); // always ln 10 off; persistence ln 3 or 0
        Assert.All(await Skills(Switching, tenfold, 2), s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task SkillIsOneMinusTheRatioOfLogRmses()
    {
        // Hashrate doubles every window; the forecast says ×1.5 each time: errors ln(4/3) against persistence's ln 2.
        double[] doubling = [1, 2, 4, 8, 16];
        var skills = await Skills(doubling, new Scripted([.. doubling.Select(h => 1.5 * h)]), skillWindows: 2);
        Assert.Equal(1 - Math.Log(4.0 / 3) / Math.Log(2), skills[^1], 12);
    }
}
