namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

/// <summary>
/// Rows of the aserti3-2d reference test vectors ("run01" … "run10"), published with the
/// specification (bitcoincash.org spec/2020-11-15-asert.md → gitlab.com/bitcoin-cash-node/bchn-sw/
/// qa-assets test_vectors/aserti3-2d), read from the mirror in github.com/AIBlockOfficial/Network,
/// src/test_data/asert/runNN. Each run's header is kept as published; rows are "iteration height
/// time target" and some long runs are excerpted (the iteration numbers show which rows).
/// </summary>
internal static class AsertReferenceVectors
{
    private static readonly string[] All = [Run01, Run02, Run03, Run04, Run05, Run06, Run07, Run08, Run09, Run10];

    /// <summary>(name, text) of run01 … run<paramref name="count"/>, for [MemberData].</summary>
    public static TheoryData<string, string> First(int count)
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i < count; i++) data.Add($"run{i + 1:00}", All[i]);
        return data;
    }

    /// <summary>An nBits written as in the vectors, 0x-prefixed hex.</summary>
    public static uint ParseBits(string hex) =>
        uint.Parse(hex.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    public const string Run01 = """
        ## description: run1 - steady 600s blocks at POW limit target
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1d00ffff
        1 2 1200 0x1d00ffff
        2 3 1800 0x1d00ffff
        3 4 2400 0x1d00ffff
        4 5 3000 0x1d00ffff
        5 6 3600 0x1d00ffff
        6 7 4200 0x1d00ffff
        7 8 4800 0x1d00ffff
        8 9 5400 0x1d00ffff
        9 10 6000 0x1d00ffff
        10 11 6600 0x1d00ffff
        """;

    public const string Run02 = """
        ## description: run2 - steady 600s blocks at arbitrary non-limit target 0x1a2b3c4d
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1a2b3c4d
        1 2 1200 0x1a2b3c4d
        2 3 1800 0x1a2b3c4d
        3 4 2400 0x1a2b3c4d
        9 10 6000 0x1a2b3c4d
        10 11 6600 0x1a2b3c4d
        """;

    public const string Run03 = """
        ## description: run3 - steady 600s blocks at minimum limit target 0x01010000
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x01010000
        1 2 1200 0x01010000
        2 3 1800 0x01010000
        10 11 6600 0x01010000
        """;

    public const string Run04 = """
        ## description: run4 - from minimum target, a series of halflife schedule jumps, doubling target at each block
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x01010000
        1 2 174000 0x01020000
        2 3 347400 0x01040000
        3 4 520800 0x01080000
        4 5 694200 0x01100000
        5 6 867600 0x01200000
        6 7 1041000 0x01400000
        7 8 1214400 0x02008000
        8 9 1387800 0x02010000
        15 16 2601600 0x03008000
        119 120 20635200 0x10008000
        222 223 38495400 0x1c400000
        223 224 38668800 0x1d008000
        224 225 38842200 0x1d00ffff
        225 226 39015600 0x1d00ffff
        """;

    public const string Run05 = """
        ## description: run5 - from POW limit, a series of halflife block height jumps w/o time increment, halving target at each block
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1d00ffff
        1 2 0 0x1d00fec5
        2 290 0 0x1c7f62c0
        3 578 0 0x1c3fb160
        105 29954 0 0x1000fec5
        209 59906 0 0x0300fec5
        210 60194 0 0x027f6200
        211 60482 0 0x023fb100
        217 62210 0 0x0200fe00
        218 62498 0 0x017f0000
        219 62786 0 0x013f0000
        223 63938 0 0x01030000
        224 64226 0 0x01010000
        225 64514 0 0x01010000
        """;

    public const string Run06 = """
        ## description: run6 - deterministically random solvetimes for stable hashrate around a recent real life nBits
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1802aee8
        1 2 1200 0x1802aee8
        2 3 1310 0x1802ad91
        3 4 1327 0x1802abf8
        4 5 1739 0x1802ab73
        5 6 2219 0x1802ab20
        6 7 2604 0x1802aa89
        7 8 2746 0x1802a94b
        8 9 7099 0x1802b39c
        9 10 7099 0x1802b1f2
        10 11 7657 0x1802b1d4
        11 12 8626 0x1802b2db
        12 13 8816 0x1802b1b7
        13 14 9632 0x1802b252
        14 15 10804 0x1802b3e7
        15 16 11727 0x1802b4ce
        16 17 11761 0x1802b33c
        17 18 13000 0x1802b501
        18 19 14144 0x1802b686
        19 20 15302 0x1802b816
        20 21 15443 0x1802b6cf
        21 22 18902 0x1802bed6
        598 599 369315 0x1802cad6
        599 600 369787 0x1802ca76
        600 601 370035 0x1802c977
        """;

    public const string Run07 = """
        ## description: run7 - deterministically random solvetimes for up-ramping hashrate around a recent real life nBits
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1802aee8
        11 12 8141 0x1802b181
        12 13 8236 0x1802b01c
        156 157 22647 0x1802037f
        157 158 22659 0x18020248
        158 159 22691 0x1802011d
        159 160 22709 0x1801ffea
        160 161 22749 0x1801fec4
        457 458 29033 0x1801004a
        458 459 29064 0x1800ffb4
        459 460 29068 0x1800ff18
        637 638 31020 0x1800a788
        """;

    public const string Run08 = """
        ## description: run8 - deterministically random solvetimes for down-ramping hashrate around a recent real life nBits
        ##   anchor height: 1
        ##   anchor ancestor time: 0
        ##   anchor nBits: 0x1802aee8
        21 22 33606 0x1802e994
        185 186 1073114 0x187ef4ed
        186 187 1078358 0x19008158
        187 188 1140450 0x1900a58c
        479 480 6774168 0x1c7c75fc
        480 481 6842136 0x1d00a31a
        483 484 6930238 0x1d00e688
        484 485 6993399 0x1d00ffff
        500 501 7462933 0x1d00ffff
        """;

    public const string Run09 = """
        ## description: run9 - a sequence of 300s blocks across signed 32-bit max integer height
        ##   anchor height: 2147483642
        ##   anchor ancestor time: 1234567290
        ##   anchor nBits: 0x1802aee8
        1 2147483643 1234568190 0x1802ae16
        2 2147483644 1234568490 0x1802ad44
        3 2147483645 1234568790 0x1802ac71
        4 2147483646 1234569090 0x1802ab9e
        5 2147483647 1234569390 0x1802aacd
        6 2147483648 1234569690 0x1802a9fa
        7 2147483649 1234569990 0x1802a929
        8 2147483650 1234570290 0x1802a858
        9 2147483651 1234570590 0x1802a787
        10 2147483652 1234570890 0x1802a6b7
        """;

    public const string Run10 = """
        ## description: run10 - a sequence of 900s blocks across signed 64-bit max integer height and signed 32-bit max integer time
        ##   anchor height: 9223372036854775802
        ##   anchor ancestor time: 2147483047
        ##   anchor nBits: 0x1802aee8
        1 9223372036854775803 2147484547 0x1802afbb
        2 9223372036854775804 2147485447 0x1802b08f
        3 9223372036854775805 2147486347 0x1802b166
        4 9223372036854775806 2147487247 0x1802b23a
        5 9223372036854775807 2147488147 0x1802b30e
        6 9223372036854775808 2147489047 0x1802b3e5
        7 9223372036854775809 2147489947 0x1802b4bb
        8 9223372036854775810 2147490847 0x1802b592
        9 9223372036854775811 2147491747 0x1802b669
        10 9223372036854775812 2147492647 0x1802b73d
        """;
}
