namespace TokenEconSim.Domain.Agents;

// The one participation loop of AgentShard. Every role's epoch goes through it: each agent's own
// generator is loaded, the agent decides whether it takes part, draws its contribution if it does,
// and its generator is stored back. What a role draws is a struct (AgentShard.Contribute.cs,
// AgentShard.Learning.cs) passed as a constrained generic, so the JIT compiles one specialised copy
// of the loop per role: no delegate, no interface call, nothing allocated per agent.
public sealed partial class AgentShard
{
    /// <summary>What an agent of one role draws in an epoch once it takes part, from the shard's generator (loaded with its stream).</summary>
    private interface IContributionDraw
    {
        /// <param name="i">The agent's shard-local index.</param>
        /// <param name="j">Its index in its role's state (<see cref="RoleSegment"/>).</param>
        void Draw(int i, int j);
    }

    /// <summary>Runs the epoch's participation and draws of one role's agents; returns how many took part (also tallied).</summary>
    private int Participate<TDraw>(RoleSegment segment, ContributionTally tally, TDraw draw)
        where TDraw : struct, IContributionDraw
    {
        var participation = _model.Participation(segment.Role);
        var active = 0;
        for (var i = segment.From; i < segment.To; i++)
        {
            // The single place where an agent decides, each epoch, whether it takes part.
            if (Enter(i, participation))
            {
                active++;
                draw.Draw(i, i - segment.From);
            }
            _rng.Store(_rngState, i);
        }
        tally.Active[(int)segment.Role] = active;
        return active;
    }

    /// <summary>Loads agent i's generator and decides whether it takes part this epoch (the caller stores the generator back).</summary>
    private bool Enter(int i, double participation)
    {
        _rng.Load(_rngState, i);
        // With participation 1 no draw is spent, so adding the key later does not shift streams.
        return _active[i] = participation >= 1 || _rng.NextDouble() < participation;
    }
}
