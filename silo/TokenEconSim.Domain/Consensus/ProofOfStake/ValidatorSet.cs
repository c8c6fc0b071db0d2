namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>The validators' stakes and jail terms, in ascending id order (the order stake is scanned).</summary>
public sealed class ValidatorSet
{
    private readonly int[] _ids;
    private readonly long[] _stakes;
    private readonly long[] _jailedUntil;
    private readonly bool[] _byzantine;
    private readonly Dictionary<int, int> _index = [];

    public ValidatorSet(IEnumerable<PosValidator> validators)
    {
        var sorted = validators.OrderBy(v => v.Id).ToArray();
        _ids = sorted.Select(v => v.Id).ToArray();
        _stakes = sorted.Select(v => v.Stake >= 0 ? v.Stake : throw new ArgumentOutOfRangeException(nameof(validators),
            "stake must be ≥ 0")).ToArray();
        _byzantine = sorted.Select(v => v.Byzantine).ToArray();
        _jailedUntil = new long[sorted.Length];
        for (var i = 0; i < _ids.Length; i++)
            if (!_index.TryAdd(_ids[i], i)) throw new ArgumentException($"validator {_ids[i]} appears twice", nameof(validators));
    }

    public int Count => _ids.Length;
    public int IdAt(int index) => _ids[index];
    public bool IsByzantineAt(int index) => _byzantine[index];
    public bool Contains(int id) => _index.ContainsKey(id);
    public long StakeOf(int id) => _stakes[_index[id]];

    /// <summary>Stakes that may propose at <paramref name="slot"/>: a jailed validator weighs 0.</summary>
    public void EligibleStakes(long slot, Span<long> destination)
    {
        for (var i = 0; i < _ids.Length; i++) destination[i] = slot < _jailedUntil[i] ? 0 : _stakes[i];
    }

    /// <summary>Removes <paramref name="units"/> from the validator's stake and jails it until the given slot.</summary>
    public void Slash(int id, long units, long jailedUntilSlot)
    {
        var i = _index[id];
        if (units < 0 || units > _stakes[i]) throw new ArgumentOutOfRangeException(nameof(units));
        _stakes[i] -= units;
        _jailedUntil[i] = Math.Max(_jailedUntil[i], jailedUntilSlot);
    }

    public ValidatorStake[] Snapshot() =>
        [.. _ids.Select((id, i) => new ValidatorStake(id, _stakes[i], _jailedUntil[i]))];
}
