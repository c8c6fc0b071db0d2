namespace TokenEconSim.Domain.Tokens;

/// <summary>
/// The run-wide side of the token ledger: the treasury account (pool funds and dust not yet paid)
/// and the counters of supply. Agents' balances live in their shards; the accounting identity
/// <c>Σ balances + treasury = initial + minted − burned</c> is checked every epoch with the exact
/// balance total the shards report.
/// </summary>
public sealed partial class SupplyLedger
{
    public long Initial { get; private set; }
    public long Minted { get; private set; }
    public long Burned { get; private set; }
    public long Treasury { get; private set; }

    public long Supply => Initial + Minted - Burned;

    public SupplyLedger(long initial) => Initial = initial;

    public void MintToTreasury(long units) { Require(units); Minted += units; Treasury += units; }

    /// <summary>Minted straight to agents (block subsidies, absolute-mode rewards).</summary>
    public void MintToAgents(long units) { Require(units); Minted += units; }

    /// <summary>Fees the agents paid: the burned part is destroyed, the rest enters the treasury.</summary>
    public void ReceiveFees(long paid, long burned)
    {
        Require(paid); Require(burned);
        if (burned > paid) throw new ArgumentOutOfRangeException(nameof(burned), "cannot burn more than was paid");
        Burned += burned;
        Treasury += paid - burned;
    }

    /// <summary>Units destroyed out of agents' balances (slashed stake): supply falls, the treasury is untouched.</summary>
    public void BurnFromAgents(long units) { Require(units); Burned += units; }

    /// <summary>The treasury pays agents (pool rewards).</summary>
    public void PayFromTreasury(long units)
    {
        Require(units);
        if (units > Treasury) throw new InvalidOperationException($"treasury holds {Treasury} units, cannot pay {units}");
        Treasury -= units;
    }

    /// <summary>The ledger's side of the identity now, to check against a balance total summed later.</summary>
    public LedgerIdentity Identity(long held) => new(Initial, Minted, Burned, Treasury, held);

    /// <summary>Throws when the identity fails: a broken ledger must stop the run, not be written.</summary>
    public void CheckIdentity(long agentBalances, int epoch) => Identity(held: 0).Check(agentBalances, epoch);

    private static void Require(long units) => ArgumentOutOfRangeException.ThrowIfNegative(units);
}

public sealed class LedgerIdentityException(string message) : Exception(message);

/// <summary>
/// The ledger's counters at one moment, and <paramref name="Held"/> tokens in other ledger accounts (the token market's pool reserve, transfers
/// in flight).
/// </summary>
public readonly record struct LedgerIdentity(long Initial, long Minted, long Burned, long Treasury, long Held)
{
    public long Supply => Initial + Minted - Burned;

    /// <summary>Throws unless Σ balances + held + treasury = supply.</summary>
    public void Check(long agentBalances, int epoch)
    {
        if (agentBalances + Held + Treasury != Supply)
            throw new LedgerIdentityException(
                $"ledger identity broken after epoch {epoch}: balances {agentBalances}{(Held == 0 ? "" : $" + held {Held}")} + treasury {Treasury} "
                    + $"!= supply {Supply} (initial {Initial} + minted {Minted} - burned {Burned})");
    }
}
