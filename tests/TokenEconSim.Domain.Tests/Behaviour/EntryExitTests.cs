using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>Entry, exit, the bond and the slash, one agent at a time through <see cref="RoleBehaviour"/>.</summary>
public class EntryExitTests
{
    private static readonly long Stake = TokenUnits.FromTokens(1_000), SlashUnits = TokenUnits.FromTokens(20);

    [Fact]
    public void ALatentAgentEntersOnlyWhenItsLookBackProfitExceedsTheEntryCost()
    {
        var withCost = new ProviderBehaviour
        {
            Model = BehaviourModel.BestResponse, Inertia = 1, EntryCost = 30, MaxCount = 2,
            Levels = 1, QualityLevels = 1, QualityLow = 1, QualityHigh = 1, Records = 1, CostPerRecord = 25, QualityCost = 0,
        };
        var state = new RoleBehaviour(withCost, ActionSet.For(withCost), first: 0, count: 2, initialCount: 1);
        var rng = new Xoshiro256StarStar(3);
        Assert.True(state.IsPresent(0));
        Assert.False(state.IsPresent(1)); // position 1 ≥ the initial count: latent

        var notYet = state.Decide(1, 0, rng, new EpochTerms(40, LookBackProfit: 30), 1, long.MaxValue);
        Assert.Equal((false, ActionSet.Idle), (notYet.Entered, notYet.Action)); // 30 is not above the entry cost 30
        Assert.False(state.IsPresent(1));
        var nothingSeen = state.Decide(1, 1, rng, new EpochTerms(double.NaN), 1, long.MaxValue);
        Assert.False(nothingSeen.Entered);
        var enters = state.Decide(1, 2, rng, new EpochTerms(40, LookBackProfit: 30.5), 1, long.MaxValue);
        Assert.True(enters.Entered);
        Assert.True(enters.TakesPart); // 40 per unit − 25: it takes part at once
        Assert.True(state.IsPresent(1));
    }

    [Fact]
    public void APresentAgentExitsAfterMLossMakingEpochsInARow()
    {
        var section = new ProviderBehaviour
        {
            Model = BehaviourModel.BestResponse, Inertia = 1, ExitAfter = 3,
            Levels = 1, QualityLevels = 1, QualityLow = 1, QualityHigh = 1, Records = 1, CostPerRecord = 25, QualityCost = 0,
        };
        var state = new RoleBehaviour(section, ActionSet.For(section), 0, 1, 1);
        var rng = new Xoshiro256StarStar(5);
        // It expects 30 per unit (profit +5) but is paid 10 (profit −15): a loss every epoch.
        var terms = new EpochTerms(30);
        var exitedAt = -1;
        for (var epoch = 0; epoch < 10 && exitedAt < 0; epoch++)
        {
            if (epoch >= 2) Assert.Equal(-15, state.Settle(0, epoch - 2, TokenUnits.FromTokens(10)).Profit, 9);
            var d = state.Decide(0, epoch, rng, terms, 1, long.MaxValue);
            if (d.Exited) exitedAt = epoch;
            else Assert.True(d.TakesPart);
        }
        // Epochs 0, 1, 2 lose; their settlements come at steps 2, 3, 4; the third loss is known at step 4.
        Assert.Equal(4, exitedAt);
        Assert.False(state.IsPresent(0));
        Assert.Equal(3, state.EpochsActive(0));
    }

    [Fact]
    public void ACaughtCheatIsSlashedFromItsBondWhichIsToppedUpFromTheBalanceOrElseTheAgentLeaves()
    {
        // λ = 0: uniform over {idle, honest, cheat}; every cheat is caught (d = 1).
        var section = CheatingThresholdTests.Cheaters(BehaviourModel.Logit, lambda: 0);
        var state = new RoleBehaviour(section, ActionSet.For(section), 0, 1, 1);
        var rng = new Xoshiro256StarStar(11);
        Assert.Equal(Stake, state.Bond(0));
        var terms = new EpochTerms(15, DetectionProbability: 1);
        var epoch = 0;
        Decision d;
        do d = state.Decide(0, epoch++, rng, terms, 1, long.MaxValue); while (!d.Cheats && epoch < 100);
        Assert.True(d is { Cheats: true, Caught: true });
        Assert.Equal(Stake - SlashUnits, state.Bond(0)); // slashed at once, so an exit cannot refund it
        var outcome = state.Settle(0, epoch - 1, 0);
        Assert.Equal(SlashUnits, outcome.Slashed);
        Assert.Equal(-20, outcome.Profit, 9); // paid nothing, cost nothing, slashed 20

        var topUp = state.Decide(0, epoch++, rng, terms, 1, SlashUnits);
        Assert.Equal(SlashUnits, topUp.BondMoved);
        Assert.Equal(Stake, state.Bond(0));
        do d = state.Decide(0, epoch++, rng, terms, 1, long.MaxValue); while (!d.Cheats && epoch < 200);
        var broke = state.Decide(0, epoch, rng, terms, 1, SlashUnits - 1);
        Assert.True(broke.Exited);
        Assert.Equal(-(Stake - SlashUnits), broke.BondMoved); // the rest of the bond goes back to the balance
        Assert.Equal(0, state.Bond(0));
    }
}
