using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards.Yuma;
using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Yuma scoring in the epoch loop (rewards.scoring: yuma; docs/model.md §3.6, in the economy): at each accepted epoch's score, one Yuma 3
/// epoch per scored role (providers, trainers), in that order, from the validators' stakes and the members' values gathered in id order;
/// its incentive decides who in the role is paid. The two roles' bonds are the run state a checkpoint carries; each validator's bias and
/// noise are drawn once from its own Yuma stream, so nothing here depends on shards or on what was drawn before.
/// </summary>
public sealed class LoopYuma : ICheckpointed
{
    private readonly long _runSeed;
    private readonly int _firstValidator;
    private readonly YumaParameters _parameters;
    private readonly (double Bias, double Noise)[] _evaluation;
    private readonly double[][][] _bonds; // per scored role: validators × members
    private readonly YumaSection _settings;
    private readonly double[]?[] _lastConsensus; // per scored role: the consensus of its last Yuma epoch (what copiers copy)
    private readonly ushort[]?[][] _lazyWeights; // per scored role, per lazy validator: the weights of its last evaluation

    private LoopYuma(RunModel model)
    {
        var layout = model.Layout;
        var yuma = model.Scenario.Rewards.Yuma;
        (_runSeed, _firstValidator, _parameters) = (model.RunSeed, layout.Start(Role.Validator), yuma.Parameters.Checked());
        _evaluation = [.. Enumerable.Range(_firstValidator, layout.CountOf(Role.Validator)).Select(id =>
        {
            var rng = new Xoshiro256StarStar(Seeds.ForAgent(model.RunSeed, id, RngPurpose.YumaValidator));
            return (yuma.Bias.Sample(rng), Math.Max(0, yuma.Noise.Sample(rng)));
        })];
        _bonds = [.. YumaColumns.Scored.Select(role => Zeros(_evaluation.Length, layout.CountOf(role)))];
        _settings = yuma;
        _lastConsensus = new double[]?[YumaColumns.Scored.Count];
        _lazyWeights = [.. YumaColumns.Scored.Select(_ => new ushort[]?[yuma.Lazy])];
    }

    /// <summary>Whether some validators are adversaries (rewards.yuma colluders, copiers or lazy).</summary>
    public static bool HasAdversaries(YumaSection yuma) => yuma.Colluders + yuma.Copiers + yuma.Lazy > 0;

    /// <summary>What validator <paramref name="k"/> (its index among the validators) is: the lowest ids collude, then copy, then are lazy.</summary>
    private YumaConduct ConductOf(int k) =>
        k < _settings.Colluders ? YumaConduct.Colluder
        : k < _settings.Colluders + _settings.Copiers ? YumaConduct.Copier
        : k < _settings.Colluders + _settings.Copiers + _settings.Lazy ? YumaConduct.Lazy
        : YumaConduct.Honest;

    /// <summary>The loop's Yuma state with rewards.scoring: yuma, else null.</summary>
    public static LoopYuma? For(RunModel model) =>
        model.Scenario.Rewards.Scoring == Parameters.RewardScoring.Yuma ? new LoopYuma(model) : null;

    /// <summary>This role's bonds (validators × members) after the last scored epoch, for tests.</summary>
    public IReadOnlyList<double[]> BondsOf(Role role) => _bonds[Index(role)];

    /// <summary>
    /// Runs epoch <paramref name="epoch"/>'s Yuma epochs: the validators that took part weigh with the stake consensus used
    /// (<paramref name="drawn"/>), the others with 0; each scored role's members with their values from <paramref name="score"/>.
    /// </summary>
    public YumaScores Score(int epoch, ContributionReport drawn, ScoreReport score)
    {
        var validators = new YumaValidator[_evaluation.Length];
        for (var k = 0; k < validators.Length; k++) validators[k] = new YumaValidator(0, _evaluation[k].Bias, _evaluation[k].Noise);
        for (var k = 0; k < drawn.ValidatorIds.Length; k++)
        {
            var v = drawn.ValidatorIds[k] - _firstValidator;
            validators[v] = validators[v] with { Stake = drawn.ValidatorStakes[k] };
        }
        var incentives = new long[]?[Roles.Count];
        var totals = new Int128[Roles.Count];
        var metrics = new (double, double, double, double)[YumaColumns.Scored.Count];
        var gains = new YumaAdversaryMetrics.Builder();
        var stakes = validators.Select(v => v.Stake).ToArray();
        for (var r = 0; r < YumaColumns.Scored.Count; r++)
        {
            var role = YumaColumns.Scored[r];
            var values = score.MemberValues?[(int)role] ?? throw new InvalidOperationException($"epoch {epoch}: no member values of {role}");
            var scores = YumaRoleEpoch.Scores(validators, values,
                k => new Xoshiro256StarStar(Seeds.ForAgentEpoch(_runSeed, _firstValidator + k, RngPurpose.YumaEvaluation, epoch, (int)role)));
            var honest = scores.Select(row => ValidatorWeights.FromScores(row)).ToArray();
            var weights = HasAdversaries(_settings) ? Conducted(epoch, r, role, scores, honest) : honest;
            var result = YumaEpoch.Run(stakes, weights, _bonds[r], _parameters, values.Length);
            if (HasAdversaries(_settings))
                gains.Add(r, role, result, YumaEpoch.Run(stakes, honest, _bonds[r], _parameters, values.Length).Incentive, stakes, ConductOf);
            _bonds[r] = result.Bonds;
            _lastConsensus[r] = result.Consensus;
            var quantised = YumaRoleEpoch.Quantised(result.Incentive);
            incentives[(int)role] = quantised;
            foreach (var q in quantised) totals[(int)role] += q;
            metrics[r] = Measure(result, values, weights, stakes);
        }
        return new YumaScores(incentives, totals, new YumaMetrics(metrics)) { Adversaries = HasAdversaries(_settings) ? gains.Build() : null };
    }

    /// <summary>
    /// The weights the validators set (docs/model.md §3.6, adversaries): honest ones their evaluation; a colluder its evaluation with its
    /// partner's score (the first trainer's) × collusion_boost; a copier the consensus of the role's last Yuma epoch (none before the
    /// first); a lazy validator the weights of its last evaluation, made at epochs that are multiples of lazy_period (or its first).
    /// </summary>
    private ushort[][] Conducted(int epoch, int r, Role role, double[][] scores, ushort[][] honest)
    {
        var weights = (ushort[][])honest.Clone();
        var lazyFrom = _settings.Colluders + _settings.Copiers;
        for (var k = 0; k < weights.Length; k++)
        {
            switch (ConductOf(k))
            {
                case YumaConduct.Colluder when role == Role.Trainer && scores[k].Length > 0:
                    var inflated = (double[])scores[k].Clone();
                    inflated[0] *= _settings.CollusionBoost;
                    weights[k] = ValidatorWeights.FromScores(inflated);
                    break;
                case YumaConduct.Copier:
                    weights[k] = _lastConsensus[r] is { } consensus ? ValidatorWeights.FromScores(consensus) : new ushort[honest[k].Length];
                    break;
                case YumaConduct.Lazy:
                    ref var kept = ref _lazyWeights[r][k - lazyFrom];
                    if (kept is null || epoch % _settings.LazyPeriod == 0) kept = honest[k];
                    weights[k] = kept;
                    break;
            }
        }
        return weights;
    }

    private static (double, double, double, double) Measure(YumaResult result, double[] values, ushort[][] weights, double[] stakes)
    {
        var evaluated = Enumerable.Range(0, values.Length).Where(j => !double.IsNaN(values[j])).Select(j => result.Incentive[j]);
        var staked = Enumerable.Range(0, stakes.Length).Where(k => stakes[k] > 0).ToArray();
        var distances = staked.Where(k => weights[k].Any(w => w > 0)).Select(k =>
        {
            double sum = 0;
            foreach (var w in weights[k]) sum += w;
            return weights[k].Select((w, j) => Math.Abs(w / sum - result.Consensus[j])).Sum();
        }).ToArray();
        return (evaluated.Any() ? Gini.Of(evaluated.Select(i => Math.Max(0, i))) : double.NaN,
            staked.Length > 0 ? staked.Average(k => result.ValidatorTrust[k]) : double.NaN,
            distances.Length > 0 ? distances.Average() : double.NaN,
            staked.Length > 0 ? Gini.Of(staked.Select(k => Math.Max(0, result.Dividends[k]))) : double.NaN);
    }

    private static int Index(Role role)
    {
        for (var r = 0; r < YumaColumns.Scored.Count; r++)
            if (YumaColumns.Scored[r] == role) return r;
        throw new ArgumentOutOfRangeException(nameof(role), role, "not a Yuma-scored role");
    }

    private static double[][] Zeros(int rows, int columns) => [.. Enumerable.Range(0, rows).Select(_ => new double[columns])];

    public void WriteState(BinaryWriter w)
    {
        foreach (var bonds in _bonds)
            foreach (var row in bonds) StateIo.Write(w, row);
        foreach (var consensus in _lastConsensus)
        {
            w.Write(consensus is not null);
            if (consensus is not null) StateIo.Write(w, consensus);
        }
        foreach (var lazy in _lazyWeights)
            foreach (var kept in lazy)
            {
                w.Write(kept is not null);
                if (kept is null) continue;
                w.Write(kept.Length);
                foreach (var x in kept) w.Write(x);
            }
    }

    public void ReadState(BinaryReader r)
    {
        foreach (var bonds in _bonds)
            foreach (var row in bonds) StateIo.Read(r, row);
        for (var k = 0; k < _lastConsensus.Length; k++) _lastConsensus[k] = r.ReadBoolean() ? StateIo.ReadDoubles(r) : null;
        foreach (var lazy in _lazyWeights)
            for (var k = 0; k < lazy.Length; k++)
            {
                if (!r.ReadBoolean()) { lazy[k] = null; continue; }
                var kept = new ushort[r.ReadInt32()];
                for (var j = 0; j < kept.Length; j++) kept[j] = r.ReadUInt16();
                lazy[k] = kept;
            }
    }
}

/// <summary>How a validator sets its weights under Yuma scoring (rewards.yuma colluders, copiers, lazy).</summary>
public enum YumaConduct { Honest, Colluder, Copier, Lazy }

/// <summary>
/// One epoch's Yuma scoring: per role its members' incentive Q(I_j) in 2⁻³² fixed point (member order; null for a role paid by R),
/// their exact totals, and the metrics row's Yuma columns.
/// </summary>
public sealed record YumaScores(long[]?[] Incentives, Int128[] Totals, YumaMetrics Metrics)
{
    /// <summary>What the adversaries gained (with rewards.yuma colluders, copiers or lazy validators), else null.</summary>
    public YumaAdversaryMetrics? Adversaries { get; init; }
}
