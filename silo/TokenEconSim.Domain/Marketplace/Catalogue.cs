using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Marketplace;

/// <summary>One published model: id, content hash, creator, price (base units), publication epoch.</summary>
public readonly record struct Listing(int Id, Hash256 ModelHash, int Creator, long Price, int Epoch);

/// <summary>
/// The models for sale (the seeds' AIStore: publishModel stores hash, price, creator and time).
/// Keeps the newest <c>max_listings</c>; older ones are delisted. A model's hash is SHA-256d of
/// (id, creator, epoch, price): a stand-in for the weights' hash, unique per listing.
/// </summary>
public sealed class Catalogue(int maxListings)
{
    private readonly List<Listing> _listings = [];
    private int _nextId;

    public IReadOnlyList<Listing> Listings => _listings;

    public Listing Publish(int creator, long price, int epoch)
    {
        var id = _nextId++;
        var listing = new Listing(id, HashOf(id, creator, epoch, price), creator, price, epoch);
        _listings.Add(listing);
        if (_listings.Count > maxListings) _listings.RemoveAt(0);
        return listing;
    }

    public int[] Creators() => [.. _listings.Select(l => l.Creator)];

    public long[] Prices() => [.. _listings.Select(l => l.Price)];

    private static Hash256 HashOf(int id, int creator, int epoch, long price)
    {
        Span<byte> bytes = stackalloc byte[20];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, id);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], creator);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], epoch);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[12..], price);
        return Sha256d.Hash(bytes);
    }

    public void WriteState(BinaryWriter w)
    {
        w.Write(_nextId);
        w.Write(_listings.Count);
        foreach (var l in _listings)
        {
            w.Write(l.Id);
            w.Write(l.Creator);
            w.Write(l.Price);
            w.Write(l.Epoch);
        }
    }

    public void ReadState(BinaryReader r)
    {
        _nextId = r.ReadInt32();
        _listings.Clear();
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var (id, creator, price, epoch) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt32());
            _listings.Add(new Listing(id, HashOf(id, creator, epoch, price), creator, price, epoch));
        }
    }
}
