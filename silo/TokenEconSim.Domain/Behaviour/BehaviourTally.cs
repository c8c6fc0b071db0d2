using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// One population's behaviour metrics of one epoch, summed over agents in id order within a shard
/// and merged across shards with <see cref="Merge"/>: counts as integers, real sums as
/// <see cref="ExactSum"/>, so the totals do not depend on the sharding. Decisions are counted when an
/// epoch is drawn, outcomes when it is settled.
/// </summary>
public struct BehaviourTally
{
    public int Active, Entries, Exits, Cheats, Caught;
    /// <summary>Agents present (entered, not exited) after the epoch's decisions, idle ones included; counted by the caller.</summary>
    public int Present;
    /// <summary>Base units bonded by the agents present after the epoch's decisions (their voting weight under payoff voting).</summary>
    public long Bonded;
    public ExactSum Effort;
    public int Settled, Profitable, CheatsSettled;
    public ExactSum Cost, Profit;
    /// <summary>The part of <see cref="Profit"/> made by the settled cheats: whether cheating paid.</summary>
    public ExactSum CheatProfit;
    public long Reward, Slashed;

    /// <summary>Counts one agent's decision; <paramref name="effort"/> is the action's effort (<see cref="ActionSet.Effort"/>).</summary>
    public void Add(in Decision d, double effort)
    {
        if (d.Entered) Entries++;
        if (d.Exited) Exits++;
        if (!d.TakesPart) return;
        Active++;
        Effort.Add(effort);
        if (d.Cheats) Cheats++;
        if (d.Caught) Caught++;
    }

    /// <summary>Counts one agent's settled epoch (only agents that took part).</summary>
    public void Add(in Outcome o)
    {
        if (!o.TookPart) return;
        Settled++;
        if (o.Profit > 0) Profitable++;
        if (o.Cheated)
        {
            CheatsSettled++;
            CheatProfit.Add(o.Profit);
        }
        Cost.Add(o.Cost);
        Profit.Add(o.Profit);
        Reward += o.Reward;
        Slashed += o.Slashed;
    }

    public void Merge(in BehaviourTally other)
    {
        (Active, Entries, Exits) = (Active + other.Active, Entries + other.Entries, Exits + other.Exits);
        (Cheats, Caught, Present) = (Cheats + other.Cheats, Caught + other.Caught, Present + other.Present);
        Bonded += other.Bonded;
        Effort.Add(other.Effort);
        (Settled, Profitable, CheatsSettled) = (Settled + other.Settled, Profitable + other.Profitable, CheatsSettled + other.CheatsSettled);
        Cost.Add(other.Cost);
        Profit.Add(other.Profit);
        CheatProfit.Add(other.CheatProfit);
        Reward += other.Reward;
        Slashed += other.Slashed;
    }

    /// <summary>Mean effort (a provider's quality) of the agents taking part; NaN with none.</summary>
    public readonly double MeanEffort => Active == 0 ? double.NaN : Effort.Value / Active;
    /// <summary>Cheats / agents taking part; NaN with none.</summary>
    public readonly double CheatingRate => Active == 0 ? double.NaN : (double)Cheats / Active;
    /// <summary>Mean profit of the agents that took part in the settled epoch, tokens; NaN with none.</summary>
    public readonly double MeanProfit => Settled == 0 ? double.NaN : Profit.Value / Settled;
    /// <summary>Mean profit of the settled cheats, tokens; NaN with none.</summary>
    public readonly double MeanCheatProfit => CheatsSettled == 0 ? double.NaN : CheatProfit.Value / CheatsSettled;
    /// <summary>Mean profit of the settled agents that did not cheat, tokens; NaN with none.</summary>
    public readonly double MeanHonestProfit
    {
        get
        {
            if (Settled == CheatsSettled) return double.NaN;
            var honest = Profit;
            honest.Add(new ExactSum(-CheatProfit.Raw));
            return honest.Value / (Settled - CheatsSettled);
        }
    }
    /// <summary>Share of the settled agents whose profit was positive; NaN with none.</summary>
    public readonly double ShareProfitable => Settled == 0 ? double.NaN : (double)Profitable / Settled;
}
