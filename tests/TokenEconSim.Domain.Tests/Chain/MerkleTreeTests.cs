using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class MerkleTreeTests
{
    // Bitcoin mainnet block 100000: 4 txids and its header's merkle root (getblock 000000000003ba27…).
    private static readonly string[] Block100000 =
    [
        "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
        "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
        "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
        "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
    ];

    // Bitcoin mainnet block 100002 (0000000000013b8ab2cd513b0261a14096412195a72a0c4827d229dcc7e0f7af):
    // 9 txids, so levels of 9, 5 and 3 hashes each duplicate their last one.
    private static readonly string[] Block100002 =
    [
        "ef1d870d24c85b89d92ad50f4631026f585d6a34e972eaf427475e5d60acf3a3",
        "f9fc751cb7dc372406a9f8d738d5e6f8f63bab71986a39cf36ee70ee17036d07",
        "db60fb93d736894ed0b86cb92548920a3fe8310dd19b0da7ad97e48725e1e12e",
        "220ebc64e21abece964927322cba69180ed853bb187fbc6923bac7d010b9d87a",
        "71b3dbaca67e9f9189dad3617138c19725ab541ef0b49c05a94913e9f28e3f4e",
        "fe305e1ed08212d76161d853222048eea1f34af42ea0e197896a269fbf8dc2e0",
        "21d2eb195736af2a40d42107e6abd59c97eb6cffd4a5a7a7709e86590ae61987",
        "dd1fd2a6fc16404faf339881a90adbde7f4f728691ac62e8f168809cdfae1053",
        "74d681e0e03bafa802c8aa084379aa98d9fcd632ddc2ed9782b586ec87451f20",
    ];

    [Fact]
    public void Block100000MerkleRoot()
    {
        var root = MerkleTree.Root(Parse(Block100000), out var mutated);
        Assert.Equal("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766", root.ToString());
        Assert.False(mutated);
    }

    [Fact]
    public void Block100002MerkleRootWithOddLevels()
    {
        var root = MerkleTree.Root(Parse(Block100002), out var mutated);
        Assert.Equal("2fda58e5959b0ee53c5253da9b9f3c0c739422ae04946966991cf55895287552", root.ToString());
        Assert.False(mutated);
    }

    // Blocks with only a coinbase: the root is the txid (genesis: 4a5e1e…, block 1: 0e3e23…).
    [Theory]
    [InlineData("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b")]
    [InlineData("0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098")]
    public void SingleTransactionIsItsOwnRoot(string txid)
    {
        Assert.Equal(txid, MerkleTree.Root([Hash256.Parse(txid)]).ToString());
    }

    [Fact]
    public void EmptyListHasZeroRoot() => Assert.Equal(Hash256.Zero, MerkleTree.Root(Array.Empty<Hash256>()));

    // CVE-2012-2459: repeating the odd tail gives the same root, and Core flags it as mutated.
    [Fact]
    public void RepeatedTailIsFlaggedAsMutated()
    {
        var odd = Parse(Block100002);
        var padded = odd.Append(odd[^1]).ToArray();
        Assert.Equal(MerkleTree.Root(odd), MerkleTree.Root(padded, out var mutated));
        Assert.True(mutated);
    }

    private static Hash256[] Parse(string[] ids) => [.. ids.Select(Hash256.Parse)];
}
