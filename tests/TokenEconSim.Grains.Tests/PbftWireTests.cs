using TokenEconSim.Contracts.Wire;
using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Grains.Tests;

public class PbftWireTests
{
    private static Digest D(byte b) => Digest.FromBytes(Enumerable.Repeat(b, Digest.Size).Select((x, i) => (byte)(x + i)).ToArray());

    public static TheoryData<string> Kinds => ["pre-prepare", "prepare", "commit", "view-change", "view-change-empty", "new-view",
        "commit-certificate"];

    private static PbftMessage Sample(string kind)
    {
        var pp = new PrePrepare(3, 9, D(1), 0);
        var prepared = new PreparedCertificate(pp, [new Prepare(3, 9, D(1), 1), new Prepare(3, 9, D(1), 2)]);
        return kind switch
        {
            "pre-prepare" => pp,
            "prepare" => new Prepare(long.MaxValue, -1, D(7), 12),
            "commit" => new Commit(0, 0, D(255), 3),
            "view-change" => new ViewChange(4, 2, prepared),
            "view-change-empty" => new ViewChange(4, 3, null),
            "new-view" => new NewView(4, 0, [new ViewChange(4, 2, prepared), new ViewChange(4, 3, null)], new PrePrepare(4, 9, D(1), 0)),
            _ => new CommitCertificate(1, [new Commit(3, 9, D(1), 0), new Commit(3, 9, D(1), 2)]),
        };
    }

    // Records holding lists compare them by reference, so compare the re-encoded bytes.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryMessageRoundTripsThroughTheWire(string kind)
    {
        var message = Sample(kind);
        var bytes = PbftWire.Encode(message);
        var back = PbftWire.Decode(bytes);
        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(bytes, PbftWire.Encode(back));
        if (message is PrePrepare or Prepare or Commit) Assert.Equal(message, back);
    }

    [Fact]
    public void AnUnknownTagIsRefused() =>
        Assert.Throws<InvalidDataException>(() => PbftWire.Decode([99]));
}
