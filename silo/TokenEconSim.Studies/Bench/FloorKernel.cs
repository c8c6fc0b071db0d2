using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// The floor of `silo bench`: the least an engine must do per epoch of the bench economy, in one plain loop. Each agent's own
/// xoshiro256** stream (seeded as the product seeds it) is loaded, the agent's role draws what the product draws, with the
/// product's own samplers (<see cref="Domain.Distributions.Distribution"/>: PTRS Poisson, Erlang gamma and beta, MathNet where those
/// apply), its stream is stored back and one multiply-add credits its balance; then all balances are sorted (the product's radix
/// sort) for one global Gini. The agents are split into one contiguous range per core, drawn in parallel, as the engines do.
/// </summary>
/// <remarks>
/// What the floor leaves out is the product's bookkeeping: exact sums of the contributions, rewards split by score, fees, blocks,
/// consensus, metrics rows, shard messages and the merge of per-shard sorted runs. An engine's rate over the floor's is how much of
/// the machine's capacity for these draws and this sort reaches the model. The floor is not the fastest possible loop: the samplers
/// draw through <see cref="Random"/> as the product does, so a specialised kernel could be faster; it is the one whose draws are
/// exactly the product's.
/// </remarks>
public sealed class FloorKernel
{
    private readonly Scenario _scenario;
    private readonly PopulationLayout _layout;
    private readonly ulong[] _states;
    private readonly long[] _balance, _sorted, _buffer;
    private readonly (int From, int To)[] _chunks;

    /// <summary>Seeds every agent's stream and balance (construction, timed apart from <see cref="Run"/>).</summary>
    public FloorKernel(Scenario scenario, int workers)
    {
        _scenario = scenario;
        _layout = new PopulationLayout(scenario.Populations);
        var n = _layout.Total;
        _states = new ulong[n * 4];
        var rng = new Xoshiro256StarStar(0);
        for (var i = 0; i < n; i++)
        {
            rng.Reseed(Seeds.ForAgent(scenario.Run.Seed, i));
            rng.Store(_states, i);
        }
        _balance = new long[n];
        Array.Fill(_balance, TokenUnits.FromTokens(scenario.Token.InitialBalance));
        (_sorted, _buffer) = (new long[n], new long[n]);
        var parts = Math.Clamp(workers, 1, Math.Max(1, n));
        _chunks = [.. Enumerable.Range(0, parts).Select(p => ((int)((long)n * p / parts), (int)((long)n * (p + 1) / parts)))];
    }

    public int Agents => _layout.Total;

    /// <summary>Runs <paramref name="epochs"/> epochs; returns the sum of the epochs' Gini (kept so no work can be dropped as dead).</summary>
    public double Run(int epochs)
    {
        var gini = 0.0;
        for (var e = 0; e < epochs; e++)
        {
            Parallel.For(0, _chunks.Length, c => Draw(_chunks[c].From, _chunks[c].To));
            _balance.CopyTo(_sorted, 0);
            RadixSort.Sort(_sorted, _buffer);
            gini += Gini.OfSorted(_sorted);
        }
        return gini;
    }

    /// <summary>Agents [from, to), role by role as the product's participation loop draws them (participation 1: no draw for it).</summary>
    private void Draw(int from, int to)
    {
        var rng = new Xoshiro256StarStar(0);
        var p = _scenario.Populations;
        var (batch, quality, gpu) = (p.DataProviders.BatchSize, p.DataProviders.Quality, p.Trainers.GpuHours);
        var (calls, duration, voteValid) = (p.Users.Calls, p.Users.CallDuration, _scenario.Consensus.VoteValidProbability);
        var (a, b) = _layout.Segment(Role.DataProvider, from, to - from);
        for (var i = a; i < b; i++)
        {
            rng.Load(_states, i);
            var n = Math.Floor(Math.Max(0, batch.Sample(rng)));
            Credit(rng, i, n * Math.Clamp(quality.Sample(rng), 0, 1));
        }
        (a, b) = _layout.Segment(Role.Trainer, from, to - from);
        for (var i = a; i < b; i++)
        {
            rng.Load(_states, i);
            Credit(rng, i, Math.Max(0, gpu.Sample(rng)) + rng.NextDouble());
        }
        (a, b) = _layout.Segment(Role.ServiceUser, from, to - from);
        for (var i = a; i < b; i++)
        {
            rng.Load(_states, i);
            Credit(rng, i, duration.SampleSum(rng, (long)Math.Floor(Math.Max(0, calls.Sample(rng)))));
        }
        (a, b) = _layout.Segment(Role.Validator, from, to - from);
        for (var i = a; i < b; i++)
        {
            rng.Load(_states, i);
            Credit(rng, i, rng.NextDouble() < voteValid ? 1 : 0);
        }
        // Miners draw nothing once they take part (their hashrate is fixed); their balances are sorted with the rest.
    }

    private void Credit(Xoshiro256StarStar rng, int i, double amount)
    {
        rng.Store(_states, i);
        _balance[i] += (long)(amount * 1000);
    }
}
