using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// The per-agent rows of AgentShard (outputs.agents, docs/model.md §17.8). An epoch's agent state does not stand still long enough to be
// read at once: the draw of e + 1 overwrites e's contribution values before e is paid (docs/model.md §1.1). So a recorded epoch is
// captured in stages, each read beside the step that produces it — taking part, values, presence and bond when e is charged and scored;
// pay, slashing and balance when it settles — as differences of balances and copies of arrays, outside the per-agent loops: a run that
// records nothing pays one check per step. The epoch loop takes the finished rows at the barrier after e settles, before the next step,
// so a shard holds at most two epochs' buffers, reused in turn.
public sealed partial class AgentShard
{
    private readonly List<AgentRows> _recording = []; // epochs being captured or settled and not yet taken, oldest first
    private readonly Stack<AgentRows> _spareRows = new();

    private bool Records(int epoch) => _model.Scenario.Outputs.RecordsAgents(epoch, _model.Scenario.Run.Epochs);

    /// <summary>The finished rows of <paramref name="epoch"/>, which has settled; the shard reuses the buffer after the next step.</summary>
    public AgentRows TakeAgentRows(int epoch)
    {
        var rows = Recorded(epoch);
        _recording.Remove(rows);
        _spareRows.Push(rows);
        return rows;
    }

    private AgentRows Recorded(int epoch) => _recording.Find(r => r.Epoch == epoch)
        ?? throw new InvalidOperationException($"shard [{First}, {First + Count}) holds no agent rows of epoch {epoch}");

    /// <summary>A buffer for <paramref name="epoch"/>, about to be charged and scored; buffers of epochs never taken (a run replayed from a
    /// checkpoint) are reclaimed.</summary>
    private AgentRows BeginRecording(int epoch)
    {
        foreach (var stale in _recording.Where(r => r.Epoch < epoch - 2).ToList())
        {
            _recording.Remove(stale);
            _spareRows.Push(stale);
        }
        var rows = _spareRows.TryPop(out var spare) ? spare : NewRows();
        rows.Epoch = epoch;
        _recording.Add(rows);
        return rows;
    }

    private AgentRows NewRows()
    {
        var roles = new Role[Count];
        foreach (var segment in Segments())
            if (segment.Count > 0) roles.AsSpan(segment.From, segment.Count).Fill(segment.Role); // an empty segment may lie outside
        return new AgentRows(First, roles, _behaviour is not null);
    }

    /// <summary>Before fees are charged: the balances, so that the fees are what they take.</summary>
    private static void BeforeFees(AgentRows rows, long[] balance) => balance.CopyTo(rows.Fees, 0);

    private static void AfterFees(AgentRows rows, long[] balance)
    {
        for (var i = 0; i < balance.Length; i++) rows.Fees[i] -= balance[i];
    }

    /// <summary>After scoring: who took part, each one's contribution value, and a responding agent's presence and bond after its
    /// decision. Scoring has written each active trainer's V_T (<see cref="TrainerReward"/>); validators and miners have no value.</summary>
    private void AfterScore(AgentRows rows)
    {
        _active.CopyTo(rows.Active, 0);
        for (var j = 0; j < _providers.Count; j++) rows.Value[_providers.From + j] = _providers.DataValue[j];
        for (var j = 0; j < _users.Count; j++)
            (rows.Value[_users.From + j], rows.Calls[_users.From + j]) = (_users.Usage[j], _users.Calls[j]);
        for (var i = 0; i < Count; i++)
            if (!_active[i]) (rows.Value[i], rows.Calls[i]) = (0, 0);
        if (rows.Behaviour is not { } b) return;
        foreach (var segment in Segments())
        {
            var behaviour = Responding(segment.Role);
            for (var j = 0; j < segment.Count; j++)
            {
                var i = segment.From + j;
                b.Responds[i] = behaviour is not null;
                (b.Present[i], b.Bond[i]) = behaviour is null ? (false, 0) : (behaviour.IsPresent(j), behaviour.Bond(j));
            }
        }
    }

    /// <summary>Settlement's stages, as differences of the balances: what the pool and the credits paid, then what slashing took.</summary>
    private static void BeforePay(AgentRows rows, long[] balance) => balance.CopyTo(rows.Reward, 0);

    private static void AfterPay(AgentRows rows, long[] balance)
    {
        for (var i = 0; i < balance.Length; i++) rows.Reward[i] = balance[i] - rows.Reward[i];
        balance.CopyTo(rows.Slashed, 0);
    }

    private static void AfterDebits(AgentRows rows, long[] balance)
    {
        for (var i = 0; i < balance.Length; i++) rows.Slashed[i] -= balance[i];
    }

    /// <summary>Once the epoch is settled: the balances, and each responding agent's outcome and its totals through the epoch (the paid
    /// epochs not yet settled into its state included, as <see cref="RoleBehaviour.TotalOf"/> adds them).</summary>
    private void AfterSettle(AgentRows rows)
    {
        _balance.CopyTo(rows.Balance, 0);
        if (rows.Behaviour is not { } b) return;
        var unsettled = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_unsettled);
        var slot = rows.Epoch % RoleBehaviour.PipelineDepth;
        foreach (var segment in Segments())
        {
            if (Responding(segment.Role) is not { } behaviour) continue;
            var paid = _paid![(int)segment.Role];
            for (var j = 0; j < segment.Count; j++)
            {
                var i = segment.From + j;
                var o = behaviour.OutcomeOf(j, rows.Epoch, paid[j * RoleBehaviour.PipelineDepth + slot]);
                (b.Cheated[i], b.Cost[i], b.BondSlashed[i]) = (o.Cheated, o.Cost, o.Slashed);
                var t = behaviour.TotalOf(j, unsettled, paid);
                (b.EpochsActive[i], b.CheatedEpochs[i], b.RewardTotal[i]) = (t.EpochsActive, t.CheatedEpochs, t.Reward);
                (b.CostTotal[i], b.BondSlashedTotal[i]) = (t.Cost, t.Slashed);
            }
        }
    }
}
