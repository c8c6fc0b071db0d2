using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// The contribution draws of AgentShard: one loop per role, each agent's generator loaded, used and
// stored in turn, nothing allocated per agent.
public sealed partial class AgentShard
{
    /// <summary>This epoch's draws, role by role. No draw depends on a balance (fees are charged later).</summary>
    private ContributionReport Contribute(int epoch, StepOrder order)
    {
        _ = epoch; // each agent's own stream advances once per epoch; the epoch number is not needed to draw
        var t = new ContributionTally { Active = new int[Roles.Count] };
        LearningReport? learned = null;
        if (order.Learning is { } learning)
        {
            var (batches, updates, regions) = (new List<BatchDescriptor>(), new List<TrainerUpdate>(), new long[Scratch().Task.Regions]);
            DrawLearningProviders(ref t, learning, batches, regions);
            DrawLearningTrainers(ref t, learning, updates);
            DrawUsers(ref t, DemandCurve.Factor(_model.Scenario.Learning.Demand, learning.ModelAccuracy,
                _model.Scenario.Token.FeePerCall * order.TokenPrice));
            learned = new LearningReport([.. batches], regions, [.. updates]);
        }
        else
        {
            DrawProviders(ref t);
            DrawTrainers(ref t);
            DrawUsers(ref t, 1);
        }
        var (validatorIds, stakes) = DrawValidators(ref t);
        var (minerIds, hashrates) = ActiveWeights(Role.Miner, ref t);
        return new ContributionReport(t.Active, t.Quality.Raw, t.Data.Raw, t.Gpu.Raw, t.Usage.Raw, t.Calls, t.ValidVotes,
            minerIds, hashrates, validatorIds, stakes) { Learning = learned };
    }

    private struct ContributionTally
    {
        public int[] Active;
        public ExactSum Quality, Data, Gpu, Usage;
        public long Calls;
        public int ValidVotes;
    }

    private void DrawProviders(ref ContributionTally t)
    {
        var pops = _model.Scenario.Populations.DataProviders;
        var (from, to) = Local(Role.DataProvider);
        var participation = _model.Participation(Role.DataProvider);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                var n = (long)Math.Floor(Math.Max(0, pops.BatchSize.Sample(_rng)));
                var q = Math.Clamp(pops.Quality.Sample(_rng), 0, 1);
                _valueA[i] = ContributionValues.DataValue(n, q);
                t.Quality.Add(q);
                t.Data.Add(_valueA[i]);
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.DataProvider] = active;
    }

    private void DrawTrainers(ref ContributionTally t)
    {
        var gpuHours = _model.Scenario.Populations.Trainers.GpuHours;
        var (from, to) = Local(Role.Trainer);
        var participation = _model.Participation(Role.Trainer);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                _valueA[i] = Math.Max(0, gpuHours.Sample(_rng));
                _valueB[i] = _rng.NextDouble();
                t.Gpu.Add(_valueA[i]);
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.Trainer] = active;
    }

    /// <param name="demand">Multiplies each drawn number of calls (federated learning's demand curve; 1 otherwise).</param>
    private void DrawUsers(ref ContributionTally t, double demand)
    {
        var users = _model.Scenario.Populations.Users;
        var (from, to) = Local(Role.ServiceUser);
        var participation = _model.Participation(Role.ServiceUser);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                var k = (long)Math.Floor(Math.Max(0, users.Calls.Sample(_rng)) * demand);
                var duration = users.CallDuration.SampleSum(_rng, k);
                _valueA[i] = duration;
                _valueB[i] = k;
                t.Usage.Add(duration);
                t.Calls += k;
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.ServiceUser] = active;
    }

    private (int[] Ids, double[] Stakes) DrawValidators(ref ContributionTally t)
    {
        var voteValid = _model.Scenario.Consensus.VoteValidProbability;
        var (from, to) = Local(Role.Validator);
        var participation = _model.Participation(Role.Validator);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                if (_rng.NextDouble() < voteValid) t.ValidVotes++;
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.Validator] = active;
        return Collect(from, to, active);
    }

    private (int[] Ids, double[] Weights) ActiveWeights(Role role, ref ContributionTally t)
    {
        var (from, to) = Local(role);
        var participation = _model.Participation(role);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation)) active++;
            _rng.Store(_rngState, i);
        }
        t.Active[(int)role] = active;
        return Collect(from, to, active);
    }

    /// <summary>The ids and fixed weights of the active agents in [from, to), in id order.</summary>
    private (int[] Ids, double[] Weights) Collect(int from, int to, int active)
    {
        if (active == 0) return ([], []);
        var ids = new int[active];
        var weights = new double[active];
        var k = 0;
        for (var i = from; i < to; i++)
        {
            if (!_active[i]) continue;
            ids[k] = First + i;
            weights[k++] = _weight[i];
        }
        return (ids, weights);
    }

    /// <summary>Loads agent i's generator and decides whether it takes part this epoch (the caller stores the generator back).</summary>
    private bool Enter(int i, double participation)
    {
        _rng.Load(_rngState, i);
        // With participation 1 no draw is spent, so adding the key later does not shift streams.
        return _active[i] = participation >= 1 || _rng.NextDouble() < participation;
    }

    /// <summary>The role's agents in this shard as local indices [from, to).</summary>
    private (int From, int To) Local(Role role)
    {
        var (from, to) = _model.Layout.Segment(role, First, Count);
        return (from - First, to - First);
    }
}
