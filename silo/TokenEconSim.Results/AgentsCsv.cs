using System.Globalization;
using System.Text;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// agents.csv (docs/model.md §17.8): one row per agent of each responding population, in agent-id order, with its totals over the
/// run. Token amounts held in base units (reward, slashed, bond) are written exactly with 8 decimals, as metrics.csv's token
/// columns; the real ones (cost, profit) as shortest round-trip decimals of tokens, as its cost_total_* and profit_mean_* columns.
/// UTF-8 without BOM, "\n" line endings, invariant culture.
/// </summary>
public static class AgentsCsv
{
    public const string Header = "id,role,present,epochs_active,cheated_epochs,reward,cost,slashed,profit,bond";

    public static byte[] ToBytes(AgentTotals agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var text = new StringBuilder(Header.Length + 1 + agents.Count * 96);
        text.Append(Header).Append('\n');
        for (var k = 0; k < agents.Count; k++)
        {
            var t = agents.Totals[k];
            text.Append(agents.Ids[k].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(agents.Roles[k].Key()).Append(',')
                .Append(t.Present ? '1' : '0').Append(',')
                .Append(t.EpochsActive.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(t.CheatedEpochs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(TokenUnits.Format(t.Reward)).Append(',')
                .Append(MetricCells.Real(t.Cost)).Append(',')
                .Append(TokenUnits.Format(t.Slashed)).Append(',')
                .Append(MetricCells.Real(t.Profit)).Append(',')
                .Append(TokenUnits.Format(t.Bond)).Append('\n');
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }
}
