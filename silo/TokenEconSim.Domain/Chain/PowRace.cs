namespace TokenEconSim.Domain.Chain;

/// <summary>A valid nonce a miner found: in which round, and the resulting header hash.</summary>
public readonly record struct RaceSolution(int MinerId, long Round, uint Nonce, Hash256 Hash);

/// <summary>The outcome of a race: the winning solution (if any round produced one) and the work done.</summary>
public readonly record struct RaceResult(RaceSolution? Winner, long RoundsRun, long HashesTried);

/// <summary>
/// The deterministic race rule for real hashing with concurrent miners. Wall-clock order of
/// concurrent grains is not reproducible, so time is cut into rounds of N nonces network-wide:
/// in round r, miner i (share s_i = h_i / Σh, summed in miner-id order) tries the nonces
/// [⌊r·s_i·N⌋, ⌊(r+1)·s_i·N⌋) of its own header — a budget ∝ hashrate, with fractions carried
/// over so a small miner still gets its share in the long run. Each miner reports the first valid
/// nonce of its range. The block goes to the earliest round with any solution; within that round,
/// where the true order is unknowable, to the lowest hash (uniform, so this favours no miner id),
/// then the lowest miner id. The result depends only on headers, hashrates, N and the target, never
/// on scheduling. Each round lasts N / Σh seconds of simulated time.
/// </summary>
public static class PowRace
{
    /// <summary>Hashrate shares in the given (miner-id) order.</summary>
    public static double[] Shares(IReadOnlyList<double> hashrates)
    {
        ArgumentNullException.ThrowIfNull(hashrates);
        var total = 0.0;
        foreach (var h in hashrates)
        {
            if (!(h >= 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(hashrates), "hashrates are finite and ≥ 0");
            total += h;
        }
        var shares = new double[hashrates.Count];
        if (total > 0)
            for (var i = 0; i < shares.Length; i++) shares[i] = hashrates[i] / total;
        return shares;
    }

    /// <summary>The nonces a miner with <paramref name="share"/> tries in <paramref name="round"/>,
    /// clipped to the 32-bit nonce space (past it the miner must roll its time).</summary>
    public static (ulong Start, ulong End) NonceRange(double share, long noncesPerRound, long round)
    {
        if (!(share >= 0 && share <= 1)) throw new ArgumentOutOfRangeException(nameof(share));
        if (noncesPerRound <= 0 || round < 0) throw new ArgumentOutOfRangeException(nameof(round));
        var start = Math.Min(Cumulative(share, noncesPerRound, round), NonceGrinder.NonceSpace);
        var end = Math.Min(Cumulative(share, noncesPerRound, round + 1), NonceGrinder.NonceSpace);
        return (start, end);
    }

    /// <summary>Seconds of simulated time one round stands for: N nonces at the network hashrate.</summary>
    public static double RoundSeconds(long noncesPerRound, double totalHashrate) => noncesPerRound / totalHashrate;

    /// <summary>The winner among solutions gathered from any number of miners and rounds.</summary>
    public static RaceSolution? Winner(IEnumerable<RaceSolution> solutions)
    {
        ArgumentNullException.ThrowIfNull(solutions);
        RaceSolution? best = null;
        foreach (var s in solutions)
            if (best is not { } b || Precedes(s, b)) best = s;
        return best;
    }

    /// <summary>
    /// The race run sequentially with <see cref="NonceGrinder"/>: the reference for the concurrent
    /// version (grains grind their ranges of a round in parallel, then apply <see cref="Winner"/>).
    /// </summary>
    public static RaceResult Run(IReadOnlyList<int> minerIds, IReadOnlyList<BlockHeader> headers, IReadOnlyList<double> hashrates,
        Hash256 target, long noncesPerRound, long maxRounds)
    {
        ArgumentNullException.ThrowIfNull(minerIds);
        ArgumentNullException.ThrowIfNull(headers);
        if (minerIds.Count != headers.Count || headers.Count != hashrates.Count) throw new ArgumentException("one id, header and hashrate per miner");
        var shares = Shares(hashrates);
        var found = new List<RaceSolution>();
        long tried = 0;
        for (long round = 0; round < maxRounds; round++)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var (start, end) = NonceRange(shares[i], noncesPerRound, round);
                var r = NonceGrinder.Search(headers[i], start, end, target);
                tried += r.HashesTried;
                if (r.Found) found.Add(new RaceSolution(minerIds[i], round, r.Nonce, r.Hash));
            }
            if (found.Count > 0) return new RaceResult(Winner(found), round + 1, tried);
        }
        return new RaceResult(null, maxRounds, tried);
    }

    private static ulong Cumulative(double share, long noncesPerRound, long rounds) => (ulong)Math.Floor(share * noncesPerRound * rounds);

    private static bool Precedes(RaceSolution a, RaceSolution b)
    {
        if (a.Round != b.Round) return a.Round < b.Round;
        var byHash = a.Hash.CompareTo(b.Hash);
        return byHash != 0 ? byHash < 0 : a.MinerId < b.MinerId;
    }
}
