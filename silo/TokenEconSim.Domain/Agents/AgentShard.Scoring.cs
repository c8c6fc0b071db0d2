using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// Scoring in the shard: one loop over a role's segment, specialised per role by the JIT through a
// struct that knows the role's contribution value (no delegate, nothing allocated per agent).
public sealed partial class AgentShard
{
    /// <summary>An active agent's reward score R_i, from its role's state.</summary>
    private interface IRoleReward
    {
        /// <param name="i">The agent's shard-local index.</param>
        /// <param name="j">Its index in its role's state.</param>
        double Reward(int i, int j);
    }

    /// <summary>Stores each agent's R_i (0 when inactive) and returns the segment's exact total.</summary>
    private Int128 ScoreRole<TReward>(RoleSegment segment, ref TReward reward) where TReward : struct, IRoleReward
    {
        Int128 sum = 0;
        for (var i = segment.From; i < segment.To; i++)
        {
            if (!_active[i]) { _score[i] = 0; continue; }
            _score[i] = ExactSum.Quantize(reward.Reward(i, i - segment.From));
            sum += _score[i];
        }
        return sum;
    }

    /// <summary>
    /// Yuma scoring (docs/model.md §3.6): the values the validators evaluate, per role by index in its segment: a provider's V_D, a
    /// trainer's V_T (<paramref name="trainerValues"/>, as scored), NaN for one that did not take part or was caught cheating (scored 0).
    /// </summary>
    private double[]?[] MemberValues(double[] trainerValues)
    {
        var values = new double[]?[Roles.Count];
        values[(int)Role.DataProvider] = Evaluated(_providers, _providers.DataValue);
        values[(int)Role.Trainer] = Evaluated(_trainers, trainerValues);
        return values;
    }

    private double[] Evaluated(RoleSegment segment, double[] values)
    {
        var evaluated = new double[segment.Count];
        var caught = Responding(segment.Role) is not null ? _caught![(int)segment.Role] : null;
        for (var j = 0; j < evaluated.Length; j++)
            evaluated[j] = _active[segment.From + j] && caught?[j] != true ? values[j] : double.NaN;
        return evaluated;
    }

    private readonly struct ProviderReward(ProviderState providers, RewardWeights weights) : IRoleReward
    {
        public double Reward(int i, int j) => weights.Reward(providers.DataValue[j], 0, 0);
    }

    private readonly struct UserReward(UserState users, RewardWeights weights) : IRoleReward
    {
        public double Reward(int i, int j) => weights.Reward(0, 0, users.Usage[j]);
    }

    /// <summary>V_T (docs/model.md §2.2; §10.5 when learned), also summed exactly for the epoch's training value.</summary>
    private struct TrainerReward(AgentShard shard, ScoreOrder order) : IRoleReward
    {
        private readonly RewardsSection _rewards = shard._model.Scenario.Rewards;
        private readonly double _gain = shard._model.Scenario.Learning.Gain;
        public ExactSum Training;
        /// <summary>When the epoch's agent rows are recorded: each trainer's V_T, by shard-local index.</summary>
        public double[]? Values;
        /// <summary>With Yuma scoring: each active trainer's V_T, by index in the segment.</summary>
        public double[]? MemberValues;

        public double Reward(int i, int j)
        {
            var value = order.Learning is { } learned
                ? shard.LearnedTrainerValue(learned, i, j)
                : ContributionValues.TrainingValue(shard._trainers.GpuHours[j],
                    ContributionValues.SyntheticAccuracyGain(_gain, order.MeanQuality, shard._trainers.AccuracyDraw[j]),
                    _rewards.CGpu, _rewards.CAcc);
            Training.Add(value);
            if (Values is not null) Values[i] = value;
            if (MemberValues is not null) MemberValues[j] = value;
            return order.Weights.Reward(0, value, 0);
        }
    }
}
