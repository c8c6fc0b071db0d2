using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts.Surrogates;

// Orleans codecs for the domain's shard messages. The domain has no Orleans reference by design,
// so its records are serialized through these surrogates (Orleans' documented pattern for types
// it cannot annotate). Each [Id] is part of the wire format: never renumber, only add.

[GenerateSerializer, Immutable, Alias("TokenEconSim.StepOrder")]
public readonly record struct StepOrderSurrogate(
    [property: Id(0)] SettleOrder? Settle, [property: Id(1)] int? ChargeFeesEpoch,
    [property: Id(2)] ScoreOrder? Score, [property: Id(3)] int? ContributeEpoch,
    [property: Id(4)] LearningOrder? Learning, [property: Id(5)] double TokenPrice, [property: Id(6)] double[]? Behaviour);

[RegisterConverter]
public sealed class StepOrderConverter : IConverter<StepOrder, StepOrderSurrogate>
{
    public StepOrder ConvertFromSurrogate(in StepOrderSurrogate s) =>
        new(s.Settle, s.ChargeFeesEpoch, s.Score, s.ContributeEpoch)
        {
            Learning = s.Learning,
            TokenPrice = s.TokenPrice,
            Behaviour = s.Behaviour is { } terms ? BehaviourTerms.FromArray(terms) : null,
        };
    public StepOrderSurrogate ConvertToSurrogate(in StepOrder v) =>
        new(v.Settle, v.ChargeFeesEpoch, v.Score, v.ContributeEpoch, v.Learning, v.TokenPrice,
            v.Behaviour is { } terms ? BehaviourTerms.ToArray(terms) : null);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.SettleOrder")]
public readonly record struct SettleOrderSurrogate(
    [property: Id(0)] int Epoch,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] int Mode,
    [property: Id(3)] long Pool,
    [property: Id(4)] Int128 ScoreTotal,
    [property: Id(5)] int[] CreditAgents,
    [property: Id(6)] long[] CreditUnits,
    [property: Id(7)] int[] DebitAgents,
    [property: Id(8)] long[] DebitUnits,
    [property: Id(9)] EconomyOrder? Economy,
    [property: Id(10)] long[]? RolePools,
    [property: Id(11)] Int128[]? RoleScoreTotals,
    [property: Id(12)] long[]? DataIncentives,
    [property: Id(13)] long[]? TrainingIncentives,
    [property: Id(14)] Int128[]? IncentiveTotals,
    [property: Id(15)] long[]? YumaPools);

[RegisterConverter]
public sealed class SettleOrderConverter : IConverter<SettleOrder, SettleOrderSurrogate>
{
    public SettleOrder ConvertFromSurrogate(in SettleOrderSurrogate s) =>
        new(s.Epoch, s.Accepted, (RewardMode)s.Mode, s.Pool, s.ScoreTotal,
            [.. s.CreditAgents.Zip(s.CreditUnits, (id, units) => new AgentCredit(id, units))])
        {
            Debits = [.. (s.DebitAgents ?? []).Zip(s.DebitUnits ?? [], (id, units) => new AgentCredit(id, units))],
            Economy = s.Economy,
            RolePools = s.RolePools,
            RoleScoreTotals = s.RoleScoreTotals,
            Incentives = YumaRoles.Join(s.DataIncentives, s.TrainingIncentives),
            IncentiveTotals = s.IncentiveTotals,
            YumaPools = s.YumaPools,
        };

    public SettleOrderSurrogate ConvertToSurrogate(in SettleOrder v) =>
        new(v.Epoch, v.Accepted, (int)v.Mode, v.Pool, v.ScoreTotal,
            [.. v.Credits.Select(c => c.AgentId)], [.. v.Credits.Select(c => c.Units)],
            [.. v.Debits.Select(c => c.AgentId)], [.. v.Debits.Select(c => c.Units)], v.Economy, v.RolePools, v.RoleScoreTotals,
            v.Incentives?[(int)Role.DataProvider], v.Incentives?[(int)Role.Trainer], v.IncentiveTotals, v.YumaPools);
}

/// <summary>Yuma scoring's per-role arrays travel as one field per scored role (providers, trainers); the other roles' are null.</summary>
internal static class YumaRoles
{
    public static T[]?[]? Join<T>(T[]? data, T[]? training)
    {
        if (data is null && training is null) return null;
        var byRole = new T[]?[Roles.Count];
        (byRole[(int)Role.DataProvider], byRole[(int)Role.Trainer]) = (data, training);
        return byRole;
    }
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.StepReport")]
public readonly record struct StepReportSurrogate(
    [property: Id(0)] SettleReport? Settled, [property: Id(1)] long? FeesPaid,
    [property: Id(2)] ScoreReport? Score, [property: Id(3)] ContributionReport? Contribution);

[RegisterConverter]
public sealed class StepReportConverter : IConverter<StepReport, StepReportSurrogate>
{
    public StepReport ConvertFromSurrogate(in StepReportSurrogate s) => new(s.Settled, s.FeesPaid, s.Score, s.Contribution);
    public StepReportSurrogate ConvertToSurrogate(in StepReport v) => new(v.Settled, v.FeesPaid, v.Score, v.Contribution);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.SettleReport")]
public readonly record struct SettleReportSurrogate(
    [property: Id(0)] long[] SortedBalances, [property: Id(1)] long[] RewardsByRole, [property: Id(2)] long[] PoolPaidByRole,
    [property: Id(3)] long Debited, [property: Id(4)] EconomyReport? Economy, [property: Id(5)] byte[]? Behaviour);

[RegisterConverter]
public sealed class SettleReportConverter : IConverter<SettleReport, SettleReportSurrogate>
{
    public SettleReport ConvertFromSurrogate(in SettleReportSurrogate s) =>
        new(s.SortedBalances, s.RewardsByRole, s.PoolPaidByRole)
        {
            Debited = s.Debited,
            Economy = s.Economy,
            Behaviour = s.Behaviour is { } b ? BehaviourReport.FromBytes(b) : null,
        };
    public SettleReportSurrogate ConvertToSurrogate(in SettleReport v) =>
        new(v.SortedBalances, v.RewardsByRole, v.PoolPaidByRole, v.Debited, v.Economy, v.Behaviour?.ToBytes());
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.ContributionReport")]
public readonly record struct ContributionReportSurrogate(
    [property: Id(0)] int[] ActiveByRole,
    [property: Id(1)] Int128 QualitySum,
    [property: Id(2)] Int128 DataValueSum,
    [property: Id(3)] Int128 GpuHoursSum,
    [property: Id(4)] Int128 UsageValueSum,
    [property: Id(5)] long Calls,
    // Id 6 (fees paid) moved to the step report; never reused.
    [property: Id(7)] int ValidVotes,
    [property: Id(8)] int[] MinerIds,
    [property: Id(9)] double[] MinerHashrates,
    [property: Id(10)] int[] ValidatorIds,
    [property: Id(11)] double[] ValidatorStakes,
    [property: Id(12)] LearningReport? Learning,
    [property: Id(13)] byte[]? Behaviour);

[RegisterConverter]
public sealed class ContributionReportConverter : IConverter<ContributionReport, ContributionReportSurrogate>
{
    public ContributionReport ConvertFromSurrogate(in ContributionReportSurrogate s) =>
        new(s.ActiveByRole, s.QualitySum, s.DataValueSum, s.GpuHoursSum, s.UsageValueSum, s.Calls, s.ValidVotes,
            s.MinerIds, s.MinerHashrates, s.ValidatorIds, s.ValidatorStakes)
        { Learning = s.Learning, Behaviour = s.Behaviour is { } b ? BehaviourReport.FromBytes(b) : null };

    public ContributionReportSurrogate ConvertToSurrogate(in ContributionReport v) =>
        new(v.ActiveByRole, v.QualitySum, v.DataValueSum, v.GpuHoursSum, v.UsageValueSum, v.Calls, v.ValidVotes,
            v.MinerIds, v.MinerHashrates, v.ValidatorIds, v.ValidatorStakes, v.Learning, v.Behaviour?.ToBytes());
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.ScoreOrder")]
public readonly record struct ScoreOrderSurrogate(
    [property: Id(0)] int Epoch, [property: Id(1)] double MeanQuality,
    [property: Id(2)] double Alpha, [property: Id(3)] double Beta, [property: Id(4)] double Gamma,
    [property: Id(5)] LearningScore? Learning);

[RegisterConverter]
public sealed class ScoreOrderConverter : IConverter<ScoreOrder, ScoreOrderSurrogate>
{
    public ScoreOrder ConvertFromSurrogate(in ScoreOrderSurrogate s) =>
        new(s.Epoch, s.MeanQuality, new RewardWeights(s.Alpha, s.Beta, s.Gamma)) { Learning = s.Learning };
    public ScoreOrderSurrogate ConvertToSurrogate(in ScoreOrder v) =>
        new(v.Epoch, v.MeanQuality, v.Weights.Alpha, v.Weights.Beta, v.Weights.Gamma, v.Learning);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.ScoreReport")]
public readonly record struct ScoreReportSurrogate([property: Id(0)] Int128[] ScoreByRole, [property: Id(1)] Int128 TrainingValueSum,
    [property: Id(2)] double[]? DataValues, [property: Id(3)] double[]? TrainingValues);

[RegisterConverter]
public sealed class ScoreReportConverter : IConverter<ScoreReport, ScoreReportSurrogate>
{
    public ScoreReport ConvertFromSurrogate(in ScoreReportSurrogate s) =>
        new(s.ScoreByRole, s.TrainingValueSum) { MemberValues = YumaRoles.Join(s.DataValues, s.TrainingValues) };
    public ScoreReportSurrogate ConvertToSurrogate(in ScoreReport v) =>
        new(v.ScoreByRole, v.TrainingValueSum, v.MemberValues?[(int)Role.DataProvider], v.MemberValues?[(int)Role.Trainer]);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.AgentRows")]
public readonly record struct AgentRowsSurrogate([property: Id(0)] byte[] Bytes);

[RegisterConverter]
public sealed class AgentRowsConverter : IConverter<AgentRows, AgentRowsSurrogate>
{
    public AgentRows ConvertFromSurrogate(in AgentRowsSurrogate s) => AgentRows.FromBytes(s.Bytes);
    public AgentRowsSurrogate ConvertToSurrogate(in AgentRows v) => new(v.ToBytes());
}
