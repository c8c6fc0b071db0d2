using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Contracts.Wire;

/// <summary>
/// PBFT messages as bytes between validator grains. The domain's message records form a small
/// recursive hierarchy (a new-view carries view changes carrying certificates); one explicit
/// binary layout is simpler to keep exact than a surrogate per record, and it is what a real
/// network would carry. Little-endian; lists are length-prefixed; a tag byte names the record.
/// </summary>
public static class PbftWire
{
    private enum Tag : byte { PrePrepare = 1, Prepare = 2, Commit = 3, ViewChange = 4, NewView = 5, CommitCertificate = 6 }

    public static byte[] Encode(PbftMessage message)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream)) Write(w, message);
        return stream.ToArray();
    }

    public static PbftMessage Decode(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return Read(r);
    }

    private static void Write(BinaryWriter w, PbftMessage message)
    {
        switch (message)
        {
            case PrePrepare m: w.Write((byte)Tag.PrePrepare); WriteVote(w, m.View, m.Seq, m.Digest, m.From); break;
            case Prepare m: w.Write((byte)Tag.Prepare); WriteVote(w, m.View, m.Seq, m.Digest, m.From); break;
            case Commit m: w.Write((byte)Tag.Commit); WriteVote(w, m.View, m.Seq, m.Digest, m.From); break;
            case ViewChange m:
                w.Write((byte)Tag.ViewChange);
                w.Write(m.NewView);
                w.Write(m.From);
                w.Write(m.Prepared is not null);
                if (m.Prepared is { } p)
                {
                    Write(w, p.PrePrepare);
                    WriteList(w, p.Prepares);
                }
                break;
            case NewView m:
                w.Write((byte)Tag.NewView);
                w.Write(m.View);
                w.Write(m.From);
                WriteList(w, m.ViewChanges);
                Write(w, m.PrePrepare);
                break;
            case CommitCertificate m:
                w.Write((byte)Tag.CommitCertificate);
                w.Write(m.From);
                WriteList(w, m.Commits);
                break;
            default: throw new ArgumentException($"no wire form for {message.GetType().Name}", nameof(message));
        }
    }

    private static PbftMessage Read(BinaryReader r)
    {
        var tag = (Tag)r.ReadByte();
        switch (tag)
        {
            case Tag.PrePrepare: { var (v, s, d, f) = ReadVote(r); return new PrePrepare(v, s, d, f); }
            case Tag.Prepare: { var (v, s, d, f) = ReadVote(r); return new Prepare(v, s, d, f); }
            case Tag.Commit: { var (v, s, d, f) = ReadVote(r); return new Commit(v, s, d, f); }
            case Tag.ViewChange:
            {
                var newView = r.ReadInt64();
                var from = r.ReadInt32();
                PreparedCertificate? prepared = r.ReadBoolean()
                    ? new PreparedCertificate((PrePrepare)Read(r), ReadList<Prepare>(r))
                    : null;
                return new ViewChange(newView, from, prepared);
            }
            case Tag.NewView:
            {
                var view = r.ReadInt64();
                var from = r.ReadInt32();
                var changes = ReadList<ViewChange>(r);
                return new NewView(view, from, changes, (PrePrepare)Read(r));
            }
            case Tag.CommitCertificate:
            {
                var from = r.ReadInt32();
                return new CommitCertificate(from, ReadList<Commit>(r));
            }
            default: throw new InvalidDataException($"unknown PBFT message tag {(byte)tag}");
        }
    }

    private static void WriteVote(BinaryWriter w, long view, long seq, Digest digest, int from)
    {
        w.Write(view);
        w.Write(seq);
        Span<byte> bytes = stackalloc byte[Digest.Size];
        digest.WriteTo(bytes);
        w.Write(bytes);
        w.Write(from);
    }

    private static (long View, long Seq, Digest Digest, int From) ReadVote(BinaryReader r) =>
        (r.ReadInt64(), r.ReadInt64(), Digest.FromBytes(r.ReadBytes(Digest.Size)), r.ReadInt32());

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items) where T : PbftMessage
    {
        w.Write(items.Count);
        foreach (var item in items) Write(w, item);
    }

    private static T[] ReadList<T>(BinaryReader r) where T : PbftMessage
    {
        var items = new T[r.ReadInt32()];
        for (var i = 0; i < items.Length; i++) items[i] = (T)Read(r);
        return items;
    }
}
