using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// Proof of stake over slots (docs/model.md §4.5). Each slot: the proposer is drawn ∝ eligible stake
/// (<see cref="ProposerSchedule"/>), builds a block on the tip and signs (slot, hash). A Byzantine
/// proposer, with the scenario's probability, also signs a second block for the slot. Every signed
/// header goes to the <see cref="EquivocationDetector"/>; evidence goes to the <see cref="Slasher"/>
/// at once. The chain follows the first block of each slot (fork choice is out of scope here).
/// State (stakes, jail terms, tip, evidence already used) carries over between calls.
/// </summary>
public sealed class PosEngine : IDisposable
{
    private readonly long _runSeed;
    private readonly PosSettings _settings;
    private readonly ValidatorSet _validators;
    private readonly ValidatorKeyring _keys;
    private readonly EquivocationDetector _detector;
    private readonly Slasher _slasher;
    private BlockHash _tip;

    public PosEngine(long runSeed, IEnumerable<PosValidator> validators, PosSettings settings)
    {
        _runSeed = runSeed;
        _settings = settings;
        _validators = new ValidatorSet(validators);
        _keys = new ValidatorKeyring(runSeed);
        _detector = new EquivocationDetector(_keys);
        _slasher = new Slasher(_detector, settings);
    }

    /// <summary>Every validator's key: the simulation plays all of them (tests also use it to forge and re-sign).</summary>
    public ValidatorKeyring Keys => _keys;

    /// <summary>The engine never prunes it; long runs may call <see cref="EquivocationDetector.ForgetBefore"/>.</summary>
    public EquivocationDetector Detector => _detector;

    /// <summary>Runs slots firstSlot … firstSlot + count − 1.</summary>
    public PosEpochResult RunSlots(long firstSlot, int count)
    {
        var run = new RunLog();
        var eligible = new long[_validators.Count];
        for (var slot = firstSlot; slot < firstSlot + count; slot++) RunSlot(slot, eligible, run);
        return new PosEpochResult(run.Slots, run.Blocks, run.Equivocations, run.Slashes, _validators.Snapshot(), run.Slashes.Sum(s => s.UnitsBurned));
    }

    /// <summary>A header from outside (gossip, a re-broadcast): observed like the engine's own.</summary>
    public SlashEvent? ObserveHeader(SignedHeader header, long currentSlot)
    {
        var evidence = _detector.Observe(header);
        return evidence is null ? null : _slasher.Apply(evidence, _validators, currentSlot);
    }

    /// <summary>Evidence submitted directly; slashes only if valid and not yet used for its (validator, slot).</summary>
    public SlashEvent? SubmitEvidence(EquivocationEvidence evidence, long currentSlot) =>
        _slasher.Apply(evidence, _validators, currentSlot);

    private void RunSlot(long slot, long[] eligible, RunLog run)
    {
        _validators.EligibleStakes(slot, eligible);
        var index = ProposerSchedule.Pick(_runSeed, slot, eligible);
        if (index < 0) { run.Slots.Add(new PosSlot(slot, null)); return; }
        var proposer = _validators.IdAt(index);
        run.Slots.Add(new PosSlot(slot, proposer));

        var hash = PosBlockHashes.Of(_tip, slot, proposer, variant: 0);
        Broadcast(_keys.SignHeader(proposer, slot, hash), slot, run);
        if (Equivocates(index, slot))
            Broadcast(_keys.SignHeader(proposer, slot, PosBlockHashes.Of(_tip, slot, proposer, variant: 1)), slot, run);
        run.Blocks.Add(new PosBlock(slot, proposer, hash, _tip));
        _tip = hash;
    }

    private bool Equivocates(int index, long slot) =>
        _validators.IsByzantineAt(index) && _settings.EquivocationProbability > 0 &&
        Seeds.SlotRng(_runSeed, slot, RngPurpose.StakeEquivocation).NextDouble() < _settings.EquivocationProbability;

    private void Broadcast(SignedHeader header, long slot, RunLog run)
    {
        var evidence = _detector.Observe(header);
        if (evidence is null) return;
        run.Equivocations.Add(evidence);
        if (_slasher.Apply(evidence, _validators, slot) is { } slash) run.Slashes.Add(slash);
    }

    public void Dispose() => _keys.Dispose();

    private sealed class RunLog
    {
        public List<PosSlot> Slots { get; } = [];
        public List<PosBlock> Blocks { get; } = [];
        public List<EquivocationEvidence> Equivocations { get; } = [];
        public List<SlashEvent> Slashes { get; } = [];
    }
}
