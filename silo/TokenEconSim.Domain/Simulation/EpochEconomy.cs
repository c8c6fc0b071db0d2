using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Market;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The epoch loop's hooks into governance, the market and the marketplace, in one place so the
/// loop itself changes by a few lines. <see cref="Create"/> gives null when all three are off, and
/// the loop then runs exactly as without them.
/// </summary>
public sealed class EpochEconomy : Checkpoints.ICheckpointed
{
    private readonly RunModel _model;
    private readonly Dao? _dao;
    private readonly TokenEconomy? _tokens;

    private EpochEconomy(RunModel model)
    {
        _model = model;
        var s = model.Scenario;
        if (s.Governance.Enabled) _dao = new Dao(s.Governance, model.RunSeed, ValidatorStakes.Total(model), model.InitialWeights);
        _tokens = TokenEconomy.Create(model);
    }

    public static EpochEconomy? Create(RunModel model)
    {
        var s = model.Scenario;
        return s.Governance.Enabled || s.Market.Enabled || s.Marketplace.Enabled ? new EpochEconomy(model) : null;
    }

    public Dao? Dao => _dao;
    public TokenEconomy? Tokens => _tokens;

    /// <summary>Tokens held in the economy's ledger accounts (pool reserve, owed to agents).</summary>
    public long Held => _tokens?.Held ?? 0;

    public double TokenPrice => _tokens?.Price ?? StepOrder.NoMarketTokenPrice;

    /// <summary>The DAO's votes and weights for the epoch just drawn; null without governance.</summary>
    public GovernanceEpoch? Govern(int epoch, ContributionReport c)
    {
        if (_dao is null) return null;
        Span<double> participation = stackalloc double[3];
        ReadOnlySpan<Role> roles = [Role.DataProvider, Role.Trainer, Role.ServiceUser];
        for (var k = 0; k < 3; k++)
        {
            var population = _model.Layout.CountOf(roles[k]);
            participation[k] = population == 0 ? 0 : c.ActiveByRole[(int)roles[k]] / (double)population;
        }
        return _dao.Decide(epoch, c.ValidatorIds, c.ValidatorStakes, participation, PayoffVotersOf(c, roles));
    }

    /// <summary>Payoff voting's bonded voters, per role D, T, U: the bonds of its members present after the draw; null with random voting.</summary>
    private PayoffVoters? PayoffVotersOf(ContributionReport c, ReadOnlySpan<Role> roles)
    {
        if (_model.Scenario.Governance.Voting != GovernanceVoting.Payoff) return null;
        var bonded = new double[roles.Length];
        for (var k = 0; k < roles.Length; k++)
            bonded[k] = c.Behaviour is { } b ? TokenUnits.ToTokens(b.ByRole[(int)roles[k]].Bonded) : 0;
        return new PayoffVoters(bonded);
    }

    /// <summary>The miners that are running (profitable), with their hashrates.</summary>
    public (int[] Ids, double[] Hashrates) Running(int[] ids, double[] hashrates) =>
        _tokens?.Miners is { } miners ? miners.Running(ids, hashrates) : (ids, hashrates);

    public EconomyOrder? NextOrder(int epoch) => _tokens?.NextOrder(epoch);

    /// <summary>The epoch's economy metrics: the market's trades processed (before the ledger check) and governance's votes.</summary>
    public EconomyMetrics Settle(GovernanceEpoch? governance, EconomyReport? trades, int epoch)
    {
        var metrics = trades is not null && _tokens is not null ? _tokens.Process(trades, epoch) : EconomyMetrics.None;
        if (governance is null) return metrics;
        return metrics with
        {
            ProposalsOpen = governance.Open,
            ProposalsPassed = governance.Passed,
            ProposalsFailed = governance.Failed,
            Proposals = governance.Votes,
        };
    }

    public void WriteState(BinaryWriter w)
    {
        _dao?.WriteState(w);
        _tokens?.WriteState(w);
    }

    public void ReadState(BinaryReader r)
    {
        _dao?.ReadState(r);
        _tokens?.ReadState(r);
    }
}
