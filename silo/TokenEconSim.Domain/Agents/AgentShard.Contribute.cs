using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// The contribution draws of AgentShard: what each role draws once it takes part, as a struct for the
// one participation loop (AgentShard.Participation.cs).
public sealed partial class AgentShard
{
    /// <summary>
    /// This epoch's draws, role by role. No draw depends on a balance (fees are charged later); a responding population's decisions
    /// read one only to cover a stake (docs/model.md §17.6), and a run with stakes takes no checkpoints.
    /// </summary>
    private ContributionReport Contribute(int epoch, StepOrder order)
    {
        var t = new ContributionTally();
        BehaviourReport? behaviour = null;
        if (_behaviour is not null)
        {
            SettleInto(epoch);
            behaviour = BehaviourReport.Empty();
        }
        LearningReport? learned = null;
        if (order.Learning is { } learning)
        {
            var (submitted, updates) = (new Submissions(Scratch().Task.Regions), new List<TrainerUpdate>());
            if (Responding(Role.DataProvider) is { } bp)
                Respond(_providers, bp, t, behaviour!, epoch, order, new LearningProviderAction(this, t, learning, submitted, bp.Actions));
            else Participate(_providers, t, new LearningProviderDraw(this, t, learning, submitted));
            if (Responding(Role.Trainer) is { } bt)
                Respond(_trainers, bt, t, behaviour!, epoch, order, new LearningTrainerAction(this, t, learning, updates, bt.Actions));
            else Participate(_trainers, t, new LearningTrainerDraw(this, t, learning, updates));
            if (Responding(Role.ServiceUser) is { } bu) Respond(_users, bu, t, behaviour!, epoch, order, new UserAction(this, t, bu.Actions));
            else
                Participate(_users, t, new UserDraw(this, t, DemandCurve.Factor(_model.Scenario.Learning.Demand,
                    learning.ModelAccuracy, _model.Scenario.Token.FeePerCall * order.TokenPrice)));
            learned = submitted.Report(updates);
        }
        else
        {
            if (Responding(Role.DataProvider) is { } bp)
                Respond(_providers, bp, t, behaviour!, epoch, order, new ProviderAction(this, t, bp.Actions));
            else Participate(_providers, t, new ProviderDraw(this, t));
            if (Responding(Role.Trainer) is { } bt) Respond(_trainers, bt, t, behaviour!, epoch, order, new TrainerAction(this, t, bt.Actions));
            else Participate(_trainers, t, new TrainerDraw(this, t));
            if (Responding(Role.ServiceUser) is { } bu) Respond(_users, bu, t, behaviour!, epoch, order, new UserAction(this, t, bu.Actions));
            else Participate(_users, t, new UserDraw(this, t, 1));
        }
        var (validatorIds, stakes) = Responding(Role.Validator) is { } bv
            ? RespondValidators(bv, t, behaviour!, epoch, order)
            : Collect(_validators, _validators.Stake, Participate(_validators, t, new ValidatorDraw(this, t)));
        var (minerIds, hashrates) = Responding(Role.Miner) is { } bm
            ? RespondMiners(bm, t, behaviour!, epoch, order)
            : Collect(_miners, _miners.Hashrate, Participate(_miners, t, new MinerDraw()));
        return new ContributionReport(t.Active, t.Quality.Raw, t.Data.Raw, t.Gpu.Raw, t.Usage.Raw, t.Calls, t.ValidVotes,
            minerIds, hashrates, validatorIds, stakes)
        { Learning = learned, Behaviour = behaviour };
    }

    /// <summary>The epoch's totals over this shard's active agents (one per step, shared by the role draws).</summary>
    private sealed class ContributionTally
    {
        public readonly int[] Active = new int[Roles.Count];
        public ExactSum Quality, Data, Gpu, Usage;
        public long Calls;
        public int ValidVotes;
    }

    /// <summary>n and q (docs/model.md §2.1): V_D = n·q.</summary>
    private readonly struct ProviderDraw(AgentShard shard, ContributionTally t) : IContributionDraw
    {
        private readonly DataProviderPopulation _pops = shard._model.Scenario.Populations.DataProviders;

        public void Draw(int i, int j)
        {
            var rng = shard._rng;
            var n = (long)Math.Floor(Math.Max(0, _pops.BatchSize.Sample(rng)));
            var q = Math.Clamp(_pops.Quality.Sample(rng), 0, 1);
            var value = shard._providers.DataValue[j] = ContributionValues.DataValue(n, q);
            t.Quality.Add(q);
            t.Data.Add(value);
        }
    }

    /// <summary>g, then the U(0,1) draw behind synthetic Δacc (docs/model.md §2.2).</summary>
    private readonly struct TrainerDraw(AgentShard shard, ContributionTally t) : IContributionDraw
    {
        private readonly Distributions.Distribution _gpuHours = shard._model.Scenario.Populations.Trainers.GpuHours;

        public void Draw(int i, int j)
        {
            var trainers = shard._trainers;
            var g = trainers.GpuHours[j] = Math.Max(0, _gpuHours.Sample(shard._rng));
            trainers.AccuracyDraw[j] = shard._rng.NextDouble();
            t.Gpu.Add(g);
        }
    }

    /// <summary>k calls (times the demand factor: federated learning's demand curve, 1 otherwise), then their durations (docs/model.md
    /// §2.3).</summary>
    private readonly struct UserDraw(AgentShard shard, ContributionTally t, double demand) : IContributionDraw
    {
        private readonly UserPopulation _users = shard._model.Scenario.Populations.Users;

        public void Draw(int i, int j)
        {
            var rng = shard._rng;
            var k = (long)Math.Floor(Math.Max(0, _users.Calls.Sample(rng)) * demand);
            var duration = _users.CallDuration.SampleSum(rng, k);
            shard._users.Usage[j] = duration;
            shard._users.Calls[j] = k;
            t.Usage.Add(duration);
            t.Calls += k;
        }
    }

    /// <summary>Whether the validator's vote is valid (docs/model.md §4.7).</summary>
    private readonly struct ValidatorDraw(AgentShard shard, ContributionTally t) : IContributionDraw
    {
        private readonly double _voteValid = shard._model.Scenario.Consensus.VoteValidProbability;

        public void Draw(int i, int j)
        {
            if (shard._rng.NextDouble() < _voteValid) t.ValidVotes++;
        }
    }

    /// <summary>Miners draw nothing beyond taking part: their hashrate is fixed.</summary>
    private readonly struct MinerDraw : IContributionDraw
    {
        public void Draw(int i, int j) { }
    }

    /// <summary>The ids and fixed weights of the segment's active agents, in id order.</summary>
    private (int[] Ids, double[] Weights) Collect(RoleSegment segment, double[] weight, int active)
    {
        if (active == 0) return ([], []);
        var ids = new int[active];
        var weights = new double[active];
        var k = 0;
        for (var i = segment.From; i < segment.To; i++)
        {
            if (!_active[i]) continue;
            ids[k] = First + i;
            weights[k++] = weight[i - segment.From];
        }
        return (ids, weights);
    }
}
