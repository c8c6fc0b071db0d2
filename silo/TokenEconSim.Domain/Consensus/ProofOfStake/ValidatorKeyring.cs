using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// ECDSA P-256 keys derived from (run seed, validator id), so a run's keys are a function of its
/// seed: d = SHA-256(tag ‖ seed ‖ id) mod (n − 1) + 1, which lies in [1, n − 1] as SEC 1 §3.2.1
/// requires (the modulo bias, about 2⁻³², is irrelevant here). Keys are created on first use and
/// cached: importing d costs about 0.1 ms, signing about 50 µs, verifying about 110 µs (measured).
/// </summary>
public sealed class ValidatorKeyring(long runSeed) : IValidatorKeys, IDisposable
{
    // Order of the P-256 base point (FIPS 186-4, D.1.2.3).
    private static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    private readonly Dictionary<int, ECDsa> _keys = [];

    public byte[] Sign(int validatorId, long slot, BlockHash hash) =>
        Key(validatorId).SignHash(SignedHeader.Digest(slot, hash));

    public SignedHeader SignHeader(int validatorId, long slot, BlockHash hash) =>
        new(slot, validatorId, hash, Sign(validatorId, slot, hash));

    /// <remarks>Verification uses the same key object; with ECDSA it only reads the public point Q.</remarks>
    public bool Verify(int validatorId, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature) =>
        validatorId >= 0 && Key(validatorId).VerifyHash(digest, signature);

    /// <summary>The private scalar d as 32 big-endian bytes (exposed for tests of the range).</summary>
    public static byte[] PrivateScalar(long runSeed, int validatorId)
    {
        var tag = "TokenEconSim/pos-validator-key/v1"u8;
        Span<byte> input = stackalloc byte[tag.Length + 12];
        tag.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input[tag.Length..], runSeed);
        BinaryPrimitives.WriteInt32BigEndian(input[(tag.Length + 8)..], validatorId);
        var h = new BigInteger(SHA256.HashData(input), isUnsigned: true, isBigEndian: true);
        var d = h % (Order - 1) + 1;
        var bytes = new byte[32];
        d.TryWriteBytes(bytes.AsSpan(32 - d.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    private ECDsa Key(int validatorId)
    {
        if (_keys.TryGetValue(validatorId, out var key)) return key;
        key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = PrivateScalar(runSeed, validatorId) });
        _keys.Add(validatorId, key);
        return key;
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values) key.Dispose();
        _keys.Clear();
    }
}
