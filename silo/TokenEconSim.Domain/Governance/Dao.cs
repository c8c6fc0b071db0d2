using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Governance;

/// <summary>What governance decided at one epoch: the weights the epoch uses and the votes held.</summary>
public sealed record GovernanceEpoch(RewardWeights Weights, IReadOnlyList<ProposalRecord> Votes, int Open)
{
    public int Passed => Votes.Count(v => v.Passed);
    public int Failed => Votes.Count(v => !v.Passed);
}

/// <summary>
/// The DAO of docs/model.md §11, at the epoch barrier. Each epoch e, in this order: (1) the proposals due at
/// e (scheduled ones, and the adaptive policy's) are voted by the validators, weighted by stake;
/// (2) every passed proposal whose effective epoch (vote epoch + timelock) is ≤ e is applied in id
/// order; (3) epoch e is scored with the resulting weights. A passed proposal thus changes α, β, γ
/// exactly from epoch (vote + timelock) on; a failed one changes nothing. Votes: an active
/// validator abstains with probability a, else votes yes with the proposal's support; inactive
/// validators' stake counts as abstaining. Quorum: (yes + no) ≥ quorum · total stake of all
/// validators. Passing: quorum met and yes ≥ threshold · (yes + no). Draws come from the shared
/// stream (run seed, epoch, governance), proposal by proposal, validator by validator in id order.
/// With <c>voting: payoff</c> nothing is drawn: the providers and trainers present vote their bonds by
/// the proposal's effect on their pay (<see cref="PayoffVoters"/>), the validators abstain, and the
/// quorum is over the validators' stake and the bonds together.
/// </summary>
public sealed class Dao
{
    private readonly GovernanceSection _rules;
    private readonly long _runSeed;
    private readonly double _totalStake;
    private readonly List<Pending> _pending = [];
    private int _nextId;
    private double[]? _lastParticipation;   // D, T, U at the last adaptive check

    private readonly record struct Pending(int Id, int EffectiveEpoch, RewardWeights Weights);

    public Dao(GovernanceSection rules, long runSeed, double totalStake, RewardWeights initial)
    {
        if (!Simplex.Contains(initial)) throw new ArgumentException($"initial weights {initial} are not on the simplex");
        _rules = rules;
        _runSeed = runSeed;
        _totalStake = totalStake;
        Weights = initial;
    }

    /// <summary>The weights in force (as of the last <see cref="Decide"/>).</summary>
    public RewardWeights Weights { get; private set; }

    /// <param name="epoch">The epoch being drawn.</param>
    /// <param name="validatorIds">Active validators, in id order.</param>
    /// <param name="stakes">Their stakes.</param>
    /// <param name="participation">Active / population of providers, trainers, users this epoch.</param>
    /// <param name="voters">The bonds per role, for payoff voting; null with random voting.</param>
    public GovernanceEpoch Decide(int epoch, int[] validatorIds, double[] stakes, ReadOnlySpan<double> participation,
        PayoffVoters? voters = null)
    {
        var due = DueProposals(epoch, participation);
        var votes = new List<ProposalRecord>(due.Count);
        if (due.Count > 0 && _rules.Voting == GovernanceVoting.Payoff)
            foreach (var p in due) votes.Add(VoteByPayoff(p, voters ?? throw new ArgumentNullException(nameof(voters))));
        else if (due.Count > 0)
        {
            var rng = Seeds.SharedRng(_runSeed, epoch, RngPurpose.GovernanceVote);
            foreach (var p in due) votes.Add(Vote(p, validatorIds, stakes, rng));
        }
        Apply(epoch);
        return new GovernanceEpoch(Weights, votes, _pending.Count);
    }

    private List<Proposal> DueProposals(int epoch, ReadOnlySpan<double> participation)
    {
        var due = new List<Proposal>();
        foreach (var s in _rules.Proposals)
            if (s.Epoch == epoch)
                due.Add(new Proposal(_nextId++, epoch, ProposalKind.Scheduled, new RewardWeights(s.Alpha, s.Beta, s.Gamma), s.Support).Checked());
        if (_rules.Adaptive && AdaptiveProposal(epoch, participation) is { } shifted)
            due.Add(new Proposal(_nextId++, epoch, ProposalKind.Adaptive, shifted, _rules.AdaptiveSupport).Checked());
        return due;
    }

    /// <summary>
    /// Every adaptive_interval epochs: compare each of D, T, U's participation with the last check
    /// and propose moving adaptive_step of weight toward the role whose participation fell most
    /// No fall, no proposal. The first check only records the baseline.
    /// </summary>
    private RewardWeights? AdaptiveProposal(int epoch, ReadOnlySpan<double> participation)
    {
        if (epoch % _rules.AdaptiveInterval != 0) return null;
        var last = _lastParticipation;
        _lastParticipation = participation.ToArray();
        if (last is null) return null;
        var (worst, fall) = (-1, 0.0);
        for (var r = 0; r < 3; r++)
            if (last[r] - participation[r] > fall) (worst, fall) = (r, last[r] - participation[r]);
        if (worst < 0) return null;
        var shifted = Simplex.Shift(Weights, worst, _rules.AdaptiveStep);
        return shifted == Weights ? null : shifted;
    }

    private ProposalRecord Vote(Proposal p, int[] ids, double[] stakes, Randomness.Xoshiro256StarStar rng)
    {
        double yes = 0, no = 0, abstain = 0, present = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            present += stakes[k];
            if (rng.NextDouble() < _rules.AbstainProbability) abstain += stakes[k];
            else if (rng.NextDouble() < p.Support) yes += stakes[k];
            else no += stakes[k];
        }
        abstain += Math.Max(0, _totalStake - present);
        return Count(p, yes, no, abstain, _totalStake);
    }

    /// <summary>
    /// Payoff voting: each role's present members vote their bonds yes when the proposal pays them more than the weights in force,
    /// no when less, and abstain when alike; validators, paid by consensus whatever α, β, γ, abstain with their stake.
    /// </summary>
    private ProposalRecord VoteByPayoff(Proposal p, PayoffVoters voters)
    {
        double yes = 0, no = 0, abstain = _totalStake, eligible = _totalStake;
        for (var role = 0; role < 3; role++)
        {
            var bonded = voters.Bonded[role];
            eligible += bonded;
            switch (PayoffVoters.Preference(Weights, p.Weights, role))
            {
                case > 0: yes += bonded; break;
                case < 0: no += bonded; break;
                default: abstain += bonded; break;
            }
        }
        return Count(p, yes, no, abstain, eligible);
    }

    /// <summary>Quorum (yes + no ≥ quorum · the eligible stake) and threshold; a passed proposal is queued behind its timelock.</summary>
    private ProposalRecord Count(Proposal p, double yes, double no, double abstain, double eligible)
    {
        var quorumMet = eligible > 0 && yes + no >= _rules.Quorum * eligible;
        var passed = quorumMet && yes >= _rules.Threshold * (yes + no);
        var effective = passed ? p.Epoch + _rules.Timelock : -1;
        if (passed) _pending.Add(new Pending(p.Id, effective, p.Weights));
        var w = p.Weights;
        return new ProposalRecord(p.Id, p.Epoch, p.Kind, w.Alpha, w.Beta, w.Gamma, yes, no, abstain, quorumMet, passed, effective);
    }

    private void Apply(int epoch)
    {
        // Pending is in id order; a later proposal taking effect at the same epoch wins.
        for (var i = 0; i < _pending.Count;)
        {
            if (_pending[i].EffectiveEpoch > epoch) { i++; continue; }
            Weights = _pending[i].Weights;
            _pending.RemoveAt(i);
        }
    }

    public void WriteState(BinaryWriter w)
    {
        WriteWeights(w, Weights);
        w.Write(_nextId);
        w.Write(_pending.Count);
        foreach (var p in _pending)
        {
            w.Write(p.Id);
            w.Write(p.EffectiveEpoch);
            WriteWeights(w, p.Weights);
        }
        w.Write(_lastParticipation is not null);
        if (_lastParticipation is not null) foreach (var x in _lastParticipation) w.Write(x);
    }

    public void ReadState(BinaryReader r)
    {
        Weights = ReadWeights(r);
        _nextId = r.ReadInt32();
        _pending.Clear();
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++) _pending.Add(new Pending(r.ReadInt32(), r.ReadInt32(), ReadWeights(r)));
        _lastParticipation = r.ReadBoolean() ? [r.ReadDouble(), r.ReadDouble(), r.ReadDouble()] : null;
    }

    private static void WriteWeights(BinaryWriter w, RewardWeights x)
    {
        w.Write(x.Alpha);
        w.Write(x.Beta);
        w.Write(x.Gamma);
    }

    private static RewardWeights ReadWeights(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
}
