using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Marketplace;

/// <summary>
/// Buying access to a model (the seeds' AIStore.purchase): the price moves from the buyer's
/// balance to the creator's, all or nothing. A buyer who cannot pay is refused with the reason and
/// nothing changes, as a reverted contract call leaves no trace.
/// </summary>
public static class Purchase
{
    /// <summary>Debits <paramref name="price"/> from <paramref name="balance"/> if it covers it; else returns why not.</summary>
    public static bool TryPay(ref long balance, long price, out string? refusal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        if (balance < price)
        {
            refusal = $"insufficient balance: holds {TokenUnits.Format(balance)} tokens, the model costs {TokenUnits.Format(price)}";
            return false;
        }
        balance -= price;
        refusal = null;
        return true;
    }
}
