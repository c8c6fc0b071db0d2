using System.Globalization;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class AsertDifficultyTests
{
    // The reference runs anchored at height 1 with ancestor time 0 — the chain's own anchoring
    // (block 1, parent = genesis) — replayed as chain histories that know only genesis time, block 1's
    // bits and the evaluated block's time.
    public static TheoryData<string, string> AnchoredAtBlockOne() => AsertReferenceVectors.First(8);

    [Theory]
    [MemberData(nameof(AnchoredAtBlockOne))]
    public void ReproducesReferenceVectorsThroughAChainHistory(string name, string run)
    {
        var lines = run.Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("##   anchor height: 1", lines);
        Assert.Contains("##   anchor ancestor time: 0", lines);
        var anchorBits = AsertReferenceVectors.ParseBits(lines.Single(l => l.StartsWith("##   anchor nBits:",
            StringComparison.Ordinal)).Split(':')[1].Trim());
        var algorithm = new AsertDifficulty(AsertParams.Mainnet, anchorBits);
        var rows = 0;
        foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var height = long.Parse(f[1], CultureInfo.InvariantCulture);
            var time = long.Parse(f[2], CultureInfo.InvariantCulture);
            var history = new SparseHistory(height + 1).WithTime(0, 0).WithBits(1, anchorBits).WithTime(height, time);
            Assert.True(AsertReferenceVectors.ParseBits(f[3]) == algorithm.NextBits(history, new NextBlock(time + 600)), $"{name} row {f[0]}");
            rows++;
        }
        Assert.True(rows >= 3);
    }

    [Fact]
    public void GenesisAndAnchorCarryTheInitialBits()
    {
        var a = new AsertDifficulty(AsertParams.Mainnet, 0x1a2b3c4du);
        Assert.Equal(0x1a2b3c4du, a.NextBits(new SparseHistory(0), new NextBlock(0)));
        Assert.Equal(0x1a2b3c4du, a.NextBits(new SparseHistory(1), new NextBlock(600)));
    }

    [Fact]
    public void HalfLifeComesFromTheSettings()
    {
        var a = new AsertDifficulty(new DifficultySettings { HalfLife = 3600, InitialBits = 0x1a2b3c4du });
        Assert.Equal(3600, a.Params.HalfLife);
        // One half-life behind schedule at height 10 (spec: t_eval − t_ref − spacing·(Δh + 1)): target doubles.
        var history = new SparseHistory(11).WithTime(0, 0).WithBits(1, 0x1a2b3c4du).WithTime(10, 6000 + 3600);
        Assert.Equal(CompactTarget.Encode(CompactTarget.ToTarget(0x1a2b3c4du) * 2), a.NextBits(history, new NextBlock(0)));
    }

}
