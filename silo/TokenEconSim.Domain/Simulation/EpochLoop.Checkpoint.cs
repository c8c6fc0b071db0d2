using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation.Checkpoints;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Checkpoints of the epoch loop. At a checkpoint epoch k the loop drains its pipeline (docs/model.md
/// §1.1): it stops drawing, so epochs k−2 and k−1 settle; then it writes: its own counters, the ledger, every
/// <see cref="CheckpointParts"/> component, every shard's state, and the journal of consensus inputs.
/// Draining changes no byte: each shard still applies settle k−2, fees k−1, settle k−1 before it
/// draws epoch k, and no per-agent draw reads a balance (PipelineTests/CheckpointTests check it).
/// Consensus state is rebuilt, not stored: it is a pure function of (run seed, the inputs it was
/// given), so a restore replays the journal into a fresh consensus — one design for PoW chains,
/// PoS/DPoS engines, PBFT and the LSTM predictor alike, at the cost of a journal that grows with
/// the run (≈ 8·(2·miners + 2·validators) bytes per epoch) and a replay without agent work.
/// </summary>
public sealed partial class EpochLoop
{
    private const string Magic = "TokenEconSim checkpoint 4"; // 4: the token price each journaled epoch was drawn at
    private MemoryStream? _journal;
    private BinaryWriter? _journalWriter;
    private int _journalEpochs;
    private int _checkpointedAt = -1;

    /// <summary>Epochs between checkpoints (0 = none). Set before the first epoch.</summary>
    public int CheckpointEvery { get; set; }

    /// <summary>Receives each checkpoint: the epochs it completes and its bytes (for <see cref="RestoreAsync"/>).</summary>
    public Func<int, byte[], CancellationToken, Task>? SaveCheckpoint { get; set; }

    /// <summary>
    /// Run-level stateful components carried by a checkpoint, in a fixed order: a new component is
    /// one <c>CheckpointParts.Add(component)</c> where the loop (or its host) creates it.
    /// </summary>
    public List<ICheckpointed> CheckpointParts =>
        _parts ??= [.. new ICheckpointed?[] { _learning, _economy, _behaviour, _yuma }.OfType<ICheckpointed>()];

    private List<ICheckpointed>? _parts;

    private bool CheckpointsOn => CheckpointEvery > 0 && SaveCheckpoint is not null && NotCheckpointable(_scenario) is null;

    /// <summary>
    /// Why a scenario's runs take no checkpoints, or null. The token market feeds the price and the
    /// miners' on/off switch back into draws and consensus at whatever epoch completed last, so
    /// draining the pipeline would change what they read (a known limit: reads indexed by epoch
    /// would lift it). Per-agent rows of every N epochs leave the shards as they complete and are not in a checkpoint.
    /// </summary>
    public static string? NotCheckpointable(Parameters.Scenario scenario) =>
        scenario.Market.Enabled
            ? "market.enabled: the token price feeds back into the pipelined draws, so this run takes no checkpoints (no resume, no failover)"
            : scenario.Outputs.Agents == Parameters.AgentsOutput.Every
            ? "outputs.agents: every: agents.parquet is written as the run goes and a resumed run could not write the rows of the epochs "
                + "before its checkpoint again, so this run takes no checkpoints (no resume, no failover); outputs.agents: final can"
            : Staked(scenario) is { } role
                ? $"behaviour.{role.SectionKey()}.stake: entry reads the agent's balance, which draining the pipeline for a "
                    + "checkpoint would change, so this run takes no checkpoints (no resume, no failover)"
                : null;

    /// <summary>A responding population that bonds a stake, or null.</summary>
    private static Role? Staked(Parameters.Scenario scenario)
    {
        foreach (var role in Roles.All)
            if (PopulationBehaviour.SectionOf(scenario.Behaviour, role) is Parameters.StakedRoleBehaviourSection { Stake: > 0 } s
                && s.Model != Parameters.BehaviourModel.Fixed)
                return role;
        return null;
    }

    private bool DrainingForCheckpoint =>
        CheckpointsOn && _nextEpoch > 0 && _nextEpoch < EpochsTotal && _nextEpoch % CheckpointEvery == 0 && _checkpointedAt != _nextEpoch;

    private async Task<bool> CheckpointIfDueAsync(CancellationToken ct)
    {
        if (!DrainingForCheckpoint || _drawn is not null || _scored is not null) return false;
        var bytes = await WriteCheckpointAsync(ct);
        _checkpointedAt = _nextEpoch;
        await SaveCheckpoint!(_nextEpoch, bytes, ct);
        return true;
    }

    private async Task<ConsensusOutcome> DecideRecordedAsync(ConsensusInput input)
    {
        if (CheckpointsOn)
        {
            _journalWriter ??= new BinaryWriter(_journal = new MemoryStream());
            WriteInput(_journalWriter, input);
            _journalEpochs++;
        }
        return await consensus.RunEpochAsync(input, model.RunSeed);
    }

    /// <summary>The loop's state now, with its pipeline drained (no epoch in flight).</summary>
    private async Task<byte[]> WriteCheckpointAsync(CancellationToken ct)
    {
        if (_journalEpochs != _nextEpoch)
            throw new InvalidOperationException(
                $"checkpoints were switched on after epoch 0 (journal holds {_journalEpochs} of {_nextEpoch} epochs)");
        var states = await shards.SaveStatesAsync(ct);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Magic);
            w.Write(model.RunSeed);
            w.Write(EpochsTotal);
            w.Write(_nextEpoch);
            w.Write(EpochsCompleted);
            w.Write(_lastBlockTime);
            w.Write(_lastFeesBurned);
            w.Write(_weights.Alpha);
            w.Write(_weights.Beta);
            w.Write(_weights.Gamma);
            _ledger!.WriteState(w);
            w.Write(CheckpointParts.Count);
            foreach (var part in CheckpointParts) part.WriteState(w);
            w.Write(states.Length);
            foreach (var s in states)
            {
                w.Write(s.Length);
                w.Write(s);
            }
            w.Write(_journalEpochs);
            _journalWriter!.Flush();
            w.Write((int)_journal!.Length);
            w.Write(_journal.GetBuffer(), 0, (int)_journal.Length);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Continues a run from a checkpoint: this loop must be new (built from the same scenario, not
    /// initialised); shards are created and loaded, and consensus replays the journal. The next
    /// <see cref="AdvanceAsync"/> returns the epoch after the checkpoint.
    /// </summary>
    public async Task RestoreAsync(byte[] checkpoint, CancellationToken ct = default)
    {
        if (_ledger is not null) throw new InvalidOperationException("a checkpoint restores into a new epoch loop only");
        using var r = new BinaryReader(new MemoryStream(checkpoint));
        if (r.ReadString() != Magic) throw new InvalidDataException($"not a TokenEconSim checkpoint of this version (expected \"{Magic}\")");
        var (seed, total) = (r.ReadInt64(), r.ReadInt32());
        if (seed != model.RunSeed || total != EpochsTotal)
            throw new InvalidDataException(
                $"checkpoint of a run with seed {seed} and {total} epochs; this run has seed {model.RunSeed} and {EpochsTotal}");
        _nextEpoch = r.ReadInt32();
        EpochsCompleted = r.ReadInt32();
        _lastBlockTime = r.ReadDouble();
        _lastFeesBurned = r.ReadInt64();
        _weights = new RewardWeights(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var ledger = new SupplyLedger(await shards.InitializeAsync(ct));
        ledger.ReadState(r);
        if (r.ReadInt32() != CheckpointParts.Count) throw new InvalidDataException("checkpoint holds a different set of run components");
        foreach (var part in CheckpointParts) part.ReadState(r);
        var states = new byte[r.ReadInt32()][];
        for (var i = 0; i < states.Length; i++) states[i] = r.ReadBytes(r.ReadInt32());
        await shards.RestoreStatesAsync(states, ct);
        _journalEpochs = r.ReadInt32();
        var journal = r.ReadBytes(r.ReadInt32());
        await ReplayAsync(journal);
        _journal = new MemoryStream();
        _journal.Write(journal);
        _journalWriter = new BinaryWriter(_journal);
        _ledger = ledger;
        _checkpointedAt = _nextEpoch;
    }

    private async Task ReplayAsync(byte[] journal)
    {
        using var r = new BinaryReader(new MemoryStream(journal));
        for (var e = 0; e < _journalEpochs; e++) await consensus.RunEpochAsync(ReadInput(r), model.RunSeed);
    }

    private static void WriteInput(BinaryWriter w, ConsensusInput input)
    {
        w.Write(input.Epoch);
        w.Write(input.EpochStart);
        w.Write(input.EpochEnd);
        StateIo.Write(w, input.MinerIds);
        StateIo.Write(w, input.Hashrates);
        StateIo.Write(w, input.ValidatorIds);
        StateIo.Write(w, input.Stakes);
        w.Write(input.ValidVotes);
        w.Write(input.ValidatorCount);
        w.Write(input.BlockRewardUnits);
        w.Write(input.ProposerRewardUnits);
        StateIo.Write(w, input.DataDigest);
        StateIo.Write(w, input.ModelDigest);
        w.Write(input.PreviousFeesBurned);
        w.Write(input.UpdateVerdict switch { null => (sbyte)-1, false => (sbyte)0, true => (sbyte)1 });
        w.Write(input.TokenPrice);
    }

    private static ConsensusInput ReadInput(BinaryReader r) =>
        new(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), StateIo.ReadInts(r), StateIo.ReadDoubles(r), StateIo.ReadInts(r),
            StateIo.ReadDoubles(r), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt64())
        {
            DataDigest = StateIo.ReadHash(r),
            ModelDigest = StateIo.ReadHash(r),
            PreviousFeesBurned = r.ReadInt64(),
            UpdateVerdict = r.ReadSByte() switch { -1 => null, 0 => false, _ => true },
            TokenPrice = r.ReadDouble(),
        };
}
