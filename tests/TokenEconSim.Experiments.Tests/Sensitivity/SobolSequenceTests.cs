using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Experiments.Tests.Sensitivity;

public sealed class SobolSequenceTests
{
    /// <summary>
    /// Points 1, 2, 5, 31, 100 and 1023 (counting the all-zero point as 0) of the 40-dimensional sequence times 1024, as
    /// scipy 1.10's stats.qmc.Sobol(d=40, scramble=False) gives them: an independent implementation of the same table.
    /// </summary>
    public static TheoryData<int, int[]> ScipyPoints => new()
    {
        { 1, [.. Enumerable.Repeat(512, 40)] },
        { 2, [768, 256, 256, 256, 768, 768, 256, 768, 768, 768, 768, 768, 256, 256, 768, 256, 768, 256, 768, 256, 256, 768, 256, 256, 256,
            768, 256, 768, 256, 768, 256, 256, 256, 768, 768, 768, 256, 256, 256, 256] },
        { 5, [896, 896, 128, 384, 896, 640, 896, 384, 384, 128, 384, 896, 896, 128, 896, 384, 896, 384, 384, 640, 640, 640, 896, 384, 384,
            384, 896, 128, 640, 640, 896, 640, 384, 384, 128, 128, 128, 384, 896, 384] },
        { 31, [32, 544, 928, 992, 992, 800, 352, 544, 160, 608, 32, 352, 992, 224, 672, 864, 224, 416, 608, 736, 416, 224, 32, 288, 864,
            608, 96, 32, 416, 800, 736, 416, 160, 736, 32, 416, 96, 992, 992, 352] },
        { 100, [424, 264, 792, 744, 904, 760, 24, 488, 648, 712, 472, 696, 488, 872, 328, 504, 696, 760, 856, 344, 776, 408, 8, 504, 24, 8,
            968, 680, 248, 744, 728, 424, 264, 264, 376, 680, 1000, 488, 920, 136] },
        { 1023, [1, 771, 627, 149, 191, 449, 143, 633, 353, 871, 695, 37, 133, 681, 371, 475, 321, 897, 599, 327, 887, 19, 813, 201, 245,
            385, 521, 779, 861, 445, 951, 629, 463, 895, 341, 885, 965, 1011, 923, 715] },
    };

    [Theory]
    [MemberData(nameof(ScipyPoints))]
    public void PointsAreThoseOfScipysUnscrambledSequence(int index, int[] times1024)
    {
        var sequence = new SobolSequence(40);
        var point = new double[40];
        for (var i = 1; i <= index; i++) sequence.Next(point); // the zero point is skipped: the first call gives point 1

        Assert.Equal(times1024.Select(v => v / 1024.0), point);
    }

    [Fact]
    public void EveryDyadicBlockOfTheFirst2PowMPointsHoldsOnePointPerInterval()
    {
        // A (0, m, 1)-net per coordinate: points 0 … 2^m − 1 put exactly one value in each [j/2^m, (j+1)/2^m).
        const int m = 8;
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var point = new double[SobolSequence.MaxDimensions];
        var counts = new int[SobolSequence.MaxDimensions, 1 << m];
        for (var d = 0; d < SobolSequence.MaxDimensions; d++) counts[d, 0]++; // the skipped zero point
        for (var i = 1; i < 1 << m; i++)
        {
            sequence.Next(point);
            for (var d = 0; d < point.Length; d++) counts[d, (int)(point[d] * (1 << m))]++;
        }
        Assert.All(counts.Cast<int>(), c => Assert.Equal(1, c));
    }

    [Fact]
    public void DimensionsBeyondTheTableAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimensions + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentException>(() => new SobolSequence(3).Next(new double[2]));
    }
}
