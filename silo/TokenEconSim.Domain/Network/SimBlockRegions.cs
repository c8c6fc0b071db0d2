namespace TokenEconSim.Domain.Network;

/// <summary>
/// The six regions of SimBlock's 2019 parameter set (Aoki, Otsuka, Kaneko, Banno and Shudo, "SimBlock: A
/// Blockchain Network Simulator", IEEE INFOCOM Workshops 2019): mean one-way latency between regions in
/// milliseconds, each region's download and upload bandwidth in bits per second, and the share of Bitcoin's
/// reachable nodes in each region. The paper takes them from public measurements of 2019: inter-region
/// ping times, speed-test bandwidths per region, and Bitnodes' count of Bitcoin nodes.
/// </summary>
public static class SimBlockRegions
{
    public static readonly string[] Names = ["north_america", "europe", "south_america", "asia_pacific", "japan", "australia"];

    public static readonly double[,] LatencyMilliseconds =
    {
        { 32, 124, 184, 198, 151, 189 },
        { 124, 11, 227, 237, 252, 294 },
        { 184, 227, 88, 325, 301, 322 },
        { 198, 237, 325, 85, 58, 198 },
        { 151, 252, 301, 58, 12, 126 },
        { 189, 294, 322, 198, 126, 16 },
    };

    public static readonly double[] DownloadBitsPerSecond = [52_000_000, 40_000_000, 18_000_000, 22_800_000, 22_800_000, 29_900_000];
    public static readonly double[] UploadBitsPerSecond = [19_200_000, 20_700_000, 5_800_000, 15_700_000, 10_200_000, 11_300_000];
    public static readonly double[] NodeShare = [0.3316, 0.4998, 0.0090, 0.1177, 0.0224, 0.0195];

    /// <summary>Shape of the Pareto law a link's latency is drawn from, with the region latency as its mean (this model's choice:
    /// SimBlock too draws latencies from a Pareto law around the mean, for a heavy right tail as in measured round trips).</summary>
    public const double LatencyShape = 5;

    public static int Count => Names.Length;
}
