using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Tokens;

public class SlashBurnLedgerTests
{
    // A slash takes units out of a validator's balance and destroys them: balances and supply both fall.
    [Fact]
    public void BurningFromAgentsKeepsTheIdentity()
    {
        var ledger = new SupplyLedger(1_000);
        ledger.BurnFromAgents(50);
        ledger.CheckIdentity(950, 0);
        Assert.Equal(50, ledger.Burned);
        Assert.Equal(0, ledger.Treasury);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.BurnFromAgents(-1));
    }
}
