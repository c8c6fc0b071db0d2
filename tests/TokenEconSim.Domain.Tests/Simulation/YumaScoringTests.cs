using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards.Yuma;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>rewards.scoring: yuma in the epoch loop (docs/model.md §3.6, in the economy): who in a role is paid follows Yuma incentive.</summary>
public class YumaScoringTests
{
    // One epoch, so both runs split the same pool; poisson(1) batches leave about a third of the providers with V_D = 0.
    private static readonly SmallScenario OneEpoch = new() { Epochs = 1, BatchSize = new Distribution(DistributionKind.Poisson, 1) };

    private static async Task<(long[] Paid, RunModel Model)> PaidAsync(SmallScenario s)
    {
        var run = new DirectRun(s.Build());
        await run.AdvanceAsync();
        var initial = TokenUnits.FromTokens(s.InitialBalance);
        return ([.. run.Balances().Select(b => b - initial)], run.Model);
    }

    // Unbiased, noiseless validators all set w_j = round(65 535·V_j / max V); consensus is that row, so I_j is V_j / Σ V up to the u16
    // rounding: each member's pay is its raw pay within (n/2 + 1)/65 535 of the role's part, and a member of value 0 gets nothing.
    [Fact]
    public async Task UnbiasedNoiselessValidatorsPayInProportionToValueUpToU16Rounding()
    {
        var (raw, model) = await PaidAsync(OneEpoch);
        var (yuma, _) = await PaidAsync(OneEpoch with { Scoring = RewardScoring.Yuma });
        foreach (var role in new[] { Role.DataProvider, Role.Trainer })
        {
            var ids = Enumerable.Range(model.Layout.Start(role), model.Layout.CountOf(role)).ToArray();
            var part = ids.Sum(id => raw[id]);
            Assert.True(part > 0);
            var tolerance = part * (ids.Length / 2.0 + 1) / YumaParameters.U16Max + 2;
            foreach (var id in ids)
            {
                Assert.True(Math.Abs(yuma[id] - raw[id]) <= tolerance, $"{role} {id}: yuma {yuma[id]}, raw {raw[id]}, tolerance {tolerance}");
                if (raw[id] == 0) Assert.Equal(0, yuma[id]);
            }
            Assert.InRange(ids.Sum(id => yuma[id]), part - ids.Length - 2, part + ids.Length);
        }
        var providers = Enumerable.Range(model.Layout.Start(Role.DataProvider), model.Layout.CountOf(Role.DataProvider));
        Assert.Contains(providers, id => raw[id] == 0); // the zero-value case was exercised
        Assert.Contains(providers, id => raw[id] != yuma[id]); // and the pay went through incentive (its rounding shows)
        // Users are paid by R_i either way.
        var users = Enumerable.Range(model.Layout.Start(Role.ServiceUser), model.Layout.CountOf(Role.ServiceUser));
        Assert.Equal(users.Select(id => raw[id]), users.Select(id => yuma[id]));
    }

    // A validator that favours the weak (b > 0 flattens its weights) is clipped to consensus when it has little stake: with all validators
    // so biased the providers' pay flattens, so the Gini of their incentive falls below the unbiased run's.
    [Fact]
    public async Task BiasedValidatorsFlattenIncentive()
    {
        var s = OneEpoch with { Scoring = RewardScoring.Yuma, BatchSize = null };
        var fair = (await DirectRun.RunAsync(s)).Single();
        var flat = (await DirectRun.RunAsync(s with { Yuma = new YumaSection { Bias = new(DistributionKind.Const, 2) } })).Single();
        var gini = YumaColumns.IncentiveGini[0];
        Assert.True(flat[gini] < fair[gini] / 2, $"biased {flat[gini]}, unbiased {fair[gini]}");
    }

    // Rejected epochs are not scored: their Yuma columns are empty, and the bonds carry over; accepted epochs fill every column.
    [Fact]
    public async Task OnlyAcceptedEpochsRunYumaAndBondsAccumulate()
    {
        var run = new DirectRun(new SmallScenario
        {
            Epochs = 12, VoteValidProbability = 0.6, Scoring = RewardScoring.Yuma,
            Yuma = new YumaSection { Noise = new(DistributionKind.Const, 0.2) },
        }.Build());
        var rows = await run.AdvanceAsync();
        Assert.Contains(rows, r => !r.Accepted);
        Assert.Contains(rows, r => r.Accepted);
        foreach (var row in rows)
            foreach (var column in YumaColumns.IncentiveGini.Concat(YumaColumns.ValidatorTrust).Concat(YumaColumns.DividendsGini))
                Assert.Equal(!row.Accepted, double.IsNaN(row[column]));
        var bonds = run.Loop.Yuma!.BondsOf(Role.Trainer);
        Assert.Equal(7, bonds.Count);
        Assert.All(bonds, row => Assert.Contains(row, b => b > 0));
        Assert.All(bonds.SelectMany(row => row), b => Assert.InRange(b, 0, 1));
    }

    // Two of ten validators inflate their score of the first trainer tenfold. With κ = ½ its weights are clipped to the stake-weighted
    // median, which the honest majority sets; with κ = 0.05 almost any stake backs a weight and the inflation goes through. The gain is
    // the partner's incentive over what the same epoch gives it with every validator honest (yuma_partner_incentive_honest).
    [Fact]
    public async Task KappaClippingBoundsAColludingMinoritysGain()
    {
        async Task<double> GainAsync(double kappa)
        {
            var rows = await DirectRun.RunAsync(new SmallScenario
            {
                Epochs = 8, Validators = 10, Scoring = RewardScoring.Yuma,
                Yuma = new YumaSection { Kappa = kappa, Colluders = 2, CollusionBoost = 10 },
            });
            Assert.All(rows, r => Assert.True(r[YumaAdversaryColumns.PartnerIncentiveHonest] > 0));
            return rows.Average(r => r[YumaAdversaryColumns.PartnerIncentive] / r[YumaAdversaryColumns.PartnerIncentiveHonest]) - 1;
        }
        var clipped = await GainAsync(0.5);
        var unclipped = await GainAsync(0.05);
        Assert.True(unclipped > 0.5, $"without clipping the partner gains {unclipped:P1}");
        Assert.InRange(clipped, 0, unclipped / 5);
    }

    // A copier has no consensus to copy in the first Yuma epoch, so no weights, bonds or dividends; from then on it copies consensus and
    // earns dividends, less per unit stake than the honest validators whose weights lead consensus (Yuma 3's liquid alpha).
    [Fact]
    public async Task ACopierEarnsNothingBeforeItHasConsensusToCopyAndLessThanHonestValidatorsAfter()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario
        {
            Epochs = 10, Validators = 8, Scoring = RewardScoring.Yuma,
            Yuma = new YumaSection { Copiers = 2, Noise = new(DistributionKind.Const, 0.2) },
        });
        var copier = YumaAdversaryColumns.Dividends[1];
        Assert.All(copier, c => Assert.Equal(0, rows[0][c]));
        Assert.All(rows.Skip(1), r => Assert.All(copier, c => Assert.True(r[c] > 0)));
        Assert.All(copier, c => Assert.True(rows.Skip(1).Average(r => r[c]) < 1));
        Assert.All(rows, r => Assert.True(double.IsNaN(r[YumaAdversaryColumns.Dividends[0][0]]))); // no colluders
        Assert.All(rows, r => Assert.True(double.IsNaN(r[YumaAdversaryColumns.PartnerIncentive]))); // so no partner
    }

    [Fact]
    public async Task RawScoringHasNoYumaState()
    {
        var run = new DirectRun(OneEpoch.Build());
        var row = (await run.AdvanceAsync()).Single();
        Assert.Null(run.Loop.Yuma);
        Assert.True(double.IsNaN(row[YumaColumns.IncentiveGini[0]]));
    }
}
