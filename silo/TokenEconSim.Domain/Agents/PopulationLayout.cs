using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// Agent ids are contiguous per role, in <see cref="Role"/> order: providers 0…D−1, then trainers,
/// users, validators, miners. A shard is an id range [first, first + count), so it covers at most
/// five role segments and loops over each without a per-agent branch on role.
/// </summary>
public sealed class PopulationLayout
{
    private readonly int[] _start = new int[Roles.Count + 1];

    /// <param name="behaviour">With a population that responds (docs/model.md §17.5), its segment holds its maximum population,
    /// latent agents included; null or all fixed: the counts.</param>
    public PopulationLayout(PopulationsSection populations, BehaviourSection? behaviour = null)
    {
        int[] counts = [.. Roles.All.Select(role => populations.Of(role).Count)];
        if (behaviour is not null)
            for (var r = 0; r < Roles.Count; r++) counts[r] = Behaviour.PopulationBehaviour.Hosted(behaviour, (Role)r, counts[r]);
        long total = 0;
        for (var r = 0; r < Roles.Count; r++)
        {
            _start[r] = (int)total;
            total += counts[r];
        }
        if (total > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(populations), "more than 2³¹−1 agents");
        _start[Roles.Count] = (int)total;
    }

    public int Total => _start[Roles.Count];

    public int Start(Role role) => _start[(int)role];

    public int CountOf(Role role) => _start[(int)role + 1] - _start[(int)role];

    public Role RoleOf(int agentId)
    {
        if (agentId < 0 || agentId >= Total) throw new ArgumentOutOfRangeException(nameof(agentId), agentId, $"agent ids run from 0 to {Total - 1}");
        for (var r = Roles.Count - 1; r >= 0; r--)
            if (agentId >= _start[r] && _start[r] < _start[r + 1]) return (Role)r;
        throw new ArgumentOutOfRangeException(nameof(agentId));
    }

    /// <summary>The part of [first, first+count) that holds <paramref name="role"/>, possibly empty.</summary>
    public (int From, int To) Segment(Role role, int first, int count)
    {
        var from = Math.Max(first, Start(role));
        var to = Math.Min(first + count, _start[(int)role + 1]);
        return (from, Math.Max(from, to));
    }

    /// <summary>Shard boundaries: consecutive id ranges of at most <paramref name="agentsPerShard"/> agents.</summary>
    public IEnumerable<(int First, int Count)> Shards(int agentsPerShard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agentsPerShard, 1);
        for (long first = 0; first < Total; first += agentsPerShard)
            yield return ((int)first, (int)Math.Min(agentsPerShard, Total - first));
    }
}
