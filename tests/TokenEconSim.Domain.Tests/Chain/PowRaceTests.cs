using System.Numerics;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class PowRaceTests
{
    private static Hash256 H(int value) => Hash256.FromBigInteger(new BigInteger(value) << 200);

    [Fact]
    public void EarliestRoundWinsThenLowestHashThenLowestMinerId()
    {
        var early = new RaceSolution(9, 2, 1, H(50));
        var late = new RaceSolution(1, 3, 1, H(1));
        Assert.Equal(early, PowRace.Winner([late, early]));

        var low = new RaceSolution(7, 2, 5, H(3));
        var high = new RaceSolution(2, 2, 5, H(4));
        Assert.Equal(low, PowRace.Winner([high, low, early]));

        var tieA = new RaceSolution(4, 1, 0, H(3));
        var tieB = new RaceSolution(3, 1, 9, H(3));
        Assert.Equal(tieB, PowRace.Winner([tieA, tieB]));
        Assert.Null(PowRace.Winner([]));
    }

    [Fact]
    public void WinnerIgnoresTheOrderSolutionsArrive()
    {
        RaceSolution[] all = [new(1, 4, 0, H(9)), new(2, 4, 0, H(2)), new(3, 5, 0, H(1)), new(4, 4, 0, H(2))];
        var expected = PowRace.Winner(all);
        foreach (var perm in Permutations(all)) Assert.Equal(expected, PowRace.Winner(perm));
        Assert.Equal(2, expected!.Value.MinerId);
    }

    // Budgets are ∝ hashrate with fractions carried: ranges are contiguous and a 0.1% miner still
    // gets exactly ⌊0.001 · N · R⌋ nonces over R rounds.
    [Fact]
    public void NonceRangesAreContiguousAndProportional()
    {
        const long n = 100;
        ulong total = 0;
        for (long r = 0; r < 1000; r++)
        {
            var (start, end) = PowRace.NonceRange(0.001, n, r);
            Assert.Equal(total, start);
            total = end;
        }
        Assert.Equal(100UL, total);
        Assert.Equal((0UL, 500UL), PowRace.NonceRange(0.5, 1000, 0));
        Assert.Equal((500UL, 1000UL), PowRace.NonceRange(0.5, 1000, 1));
    }

    [Fact]
    public void SharesFollowHashrates()
    {
        Assert.Equal([0.125, 0.25, 0.625], PowRace.Shares([1.0, 2.0, 5.0]));
        Assert.Equal([0.0, 0.0], PowRace.Shares([0.0, 0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowRace.Shares([-1.0]));
    }

    // The sequential race equals what concurrent miners would produce by each grinding their own
    // ranges round by round and applying the rule; the winner's proof re-verifies independently.
    [Fact]
    public void RunMatchesIndependentMinersAndTheProofVerifies()
    {
        var target = (BigInteger.One << 244) - 1;
        int[] ids = [11, 22, 33];
        double[] rates = [1, 2, 5];
        var headers = ids.Select(id => new BlockHeader(1, Hash256.Zero, H(id), 600, 0x1f0fffff, 0)).ToArray();
        var result = PowRace.Run(ids, headers, rates, Hash256.FromBigInteger(target), 1024, 1000);
        Assert.NotNull(result.Winner);
        var w = result.Winner!.Value;
        var winnerHeader = headers[Array.IndexOf(ids, w.MinerId)] with { Nonce = w.Nonce };
        Assert.True(Independent.Meets(winnerHeader, target));
        Assert.Equal(w.Hash.ToBigInteger(), Independent.HashValue(winnerHeader));

        var shares = PowRace.Shares(rates);
        var perMiner = new List<RaceSolution>();
        for (var i = 0; i < ids.Length; i++)
            for (long r = 0; r < result.RoundsRun; r++)
            {
                var (s, e) = PowRace.NonceRange(shares[i], 1024, r);
                var g = NonceGrinder.Search(headers[i], s, e, Hash256.FromBigInteger(target));
                if (g.Found) { perMiner.Add(new RaceSolution(ids[i], r, g.Nonce, g.Hash)); break; }
            }
        Assert.Equal(w, PowRace.Winner(perMiner));
        Assert.Equal(result.RoundsRun - 1, w.Round);
    }

    private static IEnumerable<RaceSolution[]> Permutations(RaceSolution[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var p in Permutations(rest)) yield return [items[i], .. p];
        }
    }
}
