using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>
/// DPoS knobs from the scenario: K producers, slots per epoch, the producers' commission, the chance
/// a producer misses its slot, and the chance a holder re-draws its vote each epoch.
/// </summary>
public sealed record DposSettings
{
    public DposSettings(int producerCount, int slotsPerEpoch, UnitFraction commission, double missProbability, double redelegationProbability)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(producerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(slotsPerEpoch);
        ProducerCount = producerCount;
        SlotsPerEpoch = slotsPerEpoch;
        Commission = commission;
        MissProbability = Probability(missProbability, nameof(missProbability));
        RedelegationProbability = Probability(redelegationProbability, nameof(redelegationProbability));
    }

    public int ProducerCount { get; }
    public int SlotsPerEpoch { get; }
    public UnitFraction Commission { get; }
    public double MissProbability { get; }
    public double RedelegationProbability { get; }

    private static double Probability(double p, string name) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(name, p, "must be a probability");
}
