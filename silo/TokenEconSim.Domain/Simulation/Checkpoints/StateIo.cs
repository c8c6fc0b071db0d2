using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Simulation.Checkpoints;

/// <summary>Array and value helpers for <see cref="ICheckpointed"/> implementations: length-prefixed, exact bits.</summary>
public static class StateIo
{
    public static void Write(BinaryWriter w, ReadOnlySpan<long> values) { w.Write(values.Length); foreach (var v in values) w.Write(v); }
    public static void Write(BinaryWriter w, ReadOnlySpan<ulong> values) { w.Write(values.Length); foreach (var v in values) w.Write(v); }
    public static void Write(BinaryWriter w, ReadOnlySpan<int> values) { w.Write(values.Length); foreach (var v in values) w.Write(v); }
    public static void Write(BinaryWriter w, ReadOnlySpan<double> values) { w.Write(values.Length); foreach (var v in values) w.Write(v); }
    public static void Write(BinaryWriter w, ReadOnlySpan<bool> values) { w.Write(values.Length); foreach (var v in values) w.Write(v); }

    public static void Write(BinaryWriter w, ReadOnlySpan<Int128> values)
    {
        w.Write(values.Length);
        foreach (var v in values) Write(w, v);
    }

    public static void Write(BinaryWriter w, Int128 value)
    {
        w.Write((ulong)(value >> 64));
        w.Write((ulong)value);
    }

    public static void Write(BinaryWriter w, Hash256 hash)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        hash.WriteTo(bytes);
        w.Write(bytes);
    }

    public static Int128 ReadInt128(BinaryReader r) => new(r.ReadUInt64(), r.ReadUInt64());

    public static Hash256 ReadHash(BinaryReader r) => Hash256.FromBytes(r.ReadBytes(Hash256.Size));

    /// <summary>Reads an array written by <c>Write</c> into <paramref name="into"/>, whose length it must have.</summary>
    public static void Read(BinaryReader r, Span<long> into)
    {
        Expect(r, into.Length);
        for (var i = 0; i < into.Length; i++) into[i] = r.ReadInt64();
    }

    public static void Read(BinaryReader r, Span<ulong> into)
    {
        Expect(r, into.Length);
        for (var i = 0; i < into.Length; i++) into[i] = r.ReadUInt64();
    }

    public static void Read(BinaryReader r, Span<double> into)
    {
        Expect(r, into.Length);
        for (var i = 0; i < into.Length; i++) into[i] = r.ReadDouble();
    }

    public static void Read(BinaryReader r, Span<bool> into)
    {
        Expect(r, into.Length);
        for (var i = 0; i < into.Length; i++) into[i] = r.ReadBoolean();
    }

    public static void Read(BinaryReader r, Span<Int128> into)
    {
        Expect(r, into.Length);
        for (var i = 0; i < into.Length; i++) into[i] = ReadInt128(r);
    }

    public static int[] ReadInts(BinaryReader r)
    {
        var a = new int[r.ReadInt32()];
        for (var i = 0; i < a.Length; i++) a[i] = r.ReadInt32();
        return a;
    }

    public static double[] ReadDoubles(BinaryReader r)
    {
        var a = new double[r.ReadInt32()];
        for (var i = 0; i < a.Length; i++) a[i] = r.ReadDouble();
        return a;
    }

    private static void Expect(BinaryReader r, int length)
    {
        var stored = r.ReadInt32();
        if (stored != length)
            throw new InvalidDataException($"checkpoint holds {stored} values where this run has {length}: it belongs to a different scenario");
    }
}
