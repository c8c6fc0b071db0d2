using TokenEconSim.Domain.Consensus.ProofOfStake;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Consensus.ProofOfStake;

public class EquivocationTests
{
    private const long Seed = 99;
    private const int Honest = 1, Byzantine = 2, Bystander = 3;
    private const long Stake = 1_000_000_019; // 5 % is 50 000 000.95: the slash must round down

    private static PosEngine Engine(double equivocation = 1.0, int jail = 0) => new(Seed,
        [new PosValidator(Honest, Stake), new PosValidator(Byzantine, Stake, Byzantine: true), new PosValidator(Bystander, Stake)],
        new PosSettings(UnitFraction.FromDouble(0.05), equivocation, jail));

    [Fact]
    public void EveryEquivocationIsDetectedAndSlashedOnceWithTheFractionBurned()
    {
        using var engine = Engine();
        var result = engine.RunSlots(0, 60);
        var byzantineSlots = result.Slots.Where(s => s.ProposerId == Byzantine).Select(s => s.Slot).ToList();
        Assert.NotEmpty(byzantineSlots);
        Assert.Equal(byzantineSlots, result.Equivocations.Select(e => e.Slot));
        Assert.Equal(byzantineSlots, result.Slashes.Select(s => s.Slot));
        Assert.All(result.Slashes, s => Assert.Equal(Byzantine, s.ValidatorId));

        // Each slash burns ⌊5 % of the stake at that moment⌋; the stakes compound down.
        var stake = Stake;
        foreach (var slash in result.Slashes)
        {
            Assert.Equal(stake * 5 / 100, slash.UnitsBurned);
            stake -= slash.UnitsBurned;
        }
        Assert.Equal(50_000_000, result.Slashes[0].UnitsBurned);
        Assert.Equal(stake, result.Stakes.Single(v => v.Id == Byzantine).Stake);
        Assert.Equal(Stake - stake, result.BurnedUnits);
    }

    [Fact]
    public void HonestValidatorsAreNeverSlashed()
    {
        using var engine = Engine();
        var result = engine.RunSlots(0, 300);
        Assert.All(result.Stakes.Where(v => v.Id != Byzantine), v => Assert.Equal(Stake, v.Stake));
        Assert.Equal(0, engine.Detector.RejectedHeaders);
    }

    [Fact]
    public void ResubmittedOrRebroadcastEvidenceDoesNothing()
    {
        using var engine = Engine();
        var result = engine.RunSlots(0, 60);
        var evidence = result.Equivocations[0];
        var stakeAfter = result.Stakes.Single(v => v.Id == Byzantine).Stake;

        Assert.Null(engine.SubmitEvidence(evidence, 60));
        Assert.Null(engine.SubmitEvidence(new EquivocationEvidence(evidence.Second, evidence.First), 60)); // swapped
        Assert.Null(engine.ObserveHeader(evidence.First, 60));
        Assert.Null(engine.ObserveHeader(evidence.Second, 60));
        // A fresh signature over one of the same blocks is still the same offence.
        Assert.Null(engine.SubmitEvidence(evidence with { Second = engine.Keys.SignHeader(Byzantine, evidence.Slot, evidence.Second.Hash) }, 60));

        Assert.Equal(stakeAfter, engine.RunSlots(60, 0).Stakes.Single(v => v.Id == Byzantine).Stake);
    }

    // Someone holding the Byzantine validator's key signs a second block "by" the honest one: the
    // signature does not verify under the honest key, so it is neither evidence nor a slash.
    [Fact]
    public void AForgedHeaderIsNotEvidence()
    {
        using var engine = Engine(equivocation: 0);
        var result = engine.RunSlots(0, 40);
        var genuine = result.Blocks.First(b => b.ProposerId == Honest);
        var otherHash = PosBlockHashes.Of(genuine.Parent, genuine.Slot, Honest, variant: 1);
        var forgedSignature = engine.Keys.Sign(Byzantine, genuine.Slot, otherHash);
        var forged = new SignedHeader(genuine.Slot, Honest, otherHash, forgedSignature);
        var authentic = engine.Keys.SignHeader(Honest, genuine.Slot, genuine.Hash);

        Assert.Null(engine.ObserveHeader(forged, 40));
        Assert.Equal(1, engine.Detector.RejectedHeaders);
        Assert.Null(engine.SubmitEvidence(new EquivocationEvidence(authentic, forged), 40));
        Assert.Equal(Stake, engine.RunSlots(40, 0).Stakes.Single(v => v.Id == Honest).Stake);
    }

    [Fact]
    public void TheSameHeaderTwiceIsNotEquivocation()
    {
        using var keys = new ValidatorKeyring(Seed);
        var detector = new EquivocationDetector(keys);
        var hash = PosBlockHashes.Of(default, 3, Honest, 0);
        Assert.Null(detector.Observe(keys.SignHeader(Honest, 3, hash)));
        Assert.Null(detector.Observe(keys.SignHeader(Honest, 3, hash))); // new signature, same block
        Assert.NotNull(detector.Observe(keys.SignHeader(Honest, 3, PosBlockHashes.Of(default, 3, Honest, 1))));
        Assert.Null(detector.Observe(keys.SignHeader(Honest, 3, PosBlockHashes.Of(default, 3, Honest, 2)))); // already reported
    }

    [Fact]
    public void ASlashedValidatorIsJailedForTheConfiguredSlots()
    {
        using var engine = Engine(jail: 10);
        var result = engine.RunSlots(0, 200);
        Assert.NotEmpty(result.Slashes);
        foreach (var slash in result.Slashes)
        {
            Assert.Equal(slash.Slot + 11, slash.JailedUntilSlot);
            Assert.DoesNotContain(result.Slots, s => s.Slot > slash.Slot && s.Slot < slash.JailedUntilSlot && s.ProposerId == Byzantine);
        }
    }

    [Fact]
    public void WithoutEquivocationNothingIsSlashed()
    {
        using var engine = Engine(equivocation: 0);
        var result = engine.RunSlots(0, 100);
        Assert.Empty(result.Equivocations);
        Assert.Equal(0, result.BurnedUnits);
    }
}
