using System.Globalization;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// governance.csv: one row per proposal voted, in vote order. Stakes in stake units ("R" form);
/// effective_epoch is −1 for a proposal that failed. Same byte rules as metrics.csv.
/// </summary>
public sealed class GovernanceCsvWriter(Stream destination) : CsvStreamWriter(destination, Header)
{
    public const string Header = "proposal_id,epoch,kind,alpha,beta,gamma,yes_stake,no_stake,abstain_stake,quorum_met,passed,effective_epoch";

    public void Write(EpochMetrics row)
    {
        ThrowIfDisposed();
        foreach (var p in row.Economy.Proposals)
        {
            Writer.Write(string.Join(',',
                I(p.Id), I(p.Epoch), p.Kind.ToString().ToLowerInvariant(), MetricCells.Real(p.Alpha), MetricCells.Real(p.Beta),
                    MetricCells.Real(p.Gamma),
                MetricCells.Real(p.YesStake), MetricCells.Real(p.NoStake), MetricCells.Real(p.AbstainStake),
                p.QuorumMet ? "1" : "0", p.Passed ? "1" : "0", I(p.EffectiveEpoch)));
            Writer.Write('\n');
        }
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}

/// <summary>marketplace.csv: per epoch, one row per creator with activity (id order): models published, purchases, revenue (tokens).</summary>
public sealed class MarketplaceCsvWriter(Stream destination) : CsvStreamWriter(destination, Header)
{
    public const string Header = "epoch,creator,models_published,purchases,revenue";

    public void Write(EpochMetrics row)
    {
        ThrowIfDisposed();
        foreach (var s in row.Economy.Sales)
        {
            Writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{row.Epoch},{s.Creator},{s.Published},{s.Purchases},{TokenUnits.Format(s.Revenue)}"));
            Writer.Write('\n');
        }
    }
}
