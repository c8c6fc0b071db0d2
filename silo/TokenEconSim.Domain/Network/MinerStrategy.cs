using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Network;

/// <summary>What the simulation offers a miner's strategy: its id, its own random stream, the clock, and publishing.</summary>
public interface IMinerContext
{
    int MinerId { get; }

    /// <summary>The miner's stream for strategy draws (tie-breaking): (run seed, miner, NetworkStrategy).</summary>
    Xoshiro256StarStar Random { get; }

    double Now { get; }

    /// <summary>Releases a block the miner holds to its peers now; its ancestors must be released first.</summary>
    void Publish(TreeBlock block);
}

/// <summary>
/// A miner's behaviour: which block it mines on (<see cref="MiningTip"/>) and what it does with blocks it finds and
/// receives. The simulation re-draws the miner's next find whenever the mining tip changes (memoryless, so this is
/// exact for a constant hashrate and target).
/// </summary>
public abstract class MinerStrategy
{
    private IMinerContext? _context;

    protected IMinerContext Context => _context ?? throw new InvalidOperationException("the strategy is not attached to a simulation");

    public TreeBlock MiningTip { get; protected set; } = null!;

    /// <summary>The scenario name of the strategy.</summary>
    public abstract string Name { get; }

    /// <summary>True for the honest strategy, whose revenue is the baseline of the attackers' relative revenue.</summary>
    public virtual bool IsHonest => false;

    internal void Attach(IMinerContext context, TreeBlock genesis)
    {
        // A strategy holds its run's state (private branch, counts): one instance serves one run.
        if (_context is not null) throw new InvalidOperationException($"this {Name} strategy already serves a run; give each run its own");
        _context = context;
        MiningTip = genesis;
        OnStart(genesis);
    }

    protected virtual void OnStart(TreeBlock genesis)
    {
    }

    /// <summary>The miner found <paramref name="block"/> on its mining tip; its node holds it, unreleased.</summary>
    public abstract void OnMined(TreeBlock block);

    /// <summary>The miner's node accepted <paramref name="block"/> from a peer.</summary>
    public abstract void OnReceived(TreeBlock block);
}

/// <summary>How an honest miner treats a block with as much work as its tip.</summary>
public enum TieRule
{
    /// <summary>Keep the first seen (Bitcoin Core).</summary>
    FirstSeen,

    /// <summary>Switch to the newly arrived block with probability γ: Eyal and Sirer's γ, the share of honest
    /// hashrate that mines on the attacker's block in a tie, set rather than emerging from the network.</summary>
    SwitchWithProbability,
}

/// <summary>The protocol: mine on the most-work block seen (<see cref="TieRule"/> on ties), release every block found at once.</summary>
public sealed class HonestMiner(TieRule tieRule = TieRule.FirstSeen, double gamma = 0) : MinerStrategy
{
    public TieRule TieRule { get; } = tieRule;
    public double Gamma { get; } = gamma is >= 0 and <= 1 ? gamma : throw new ArgumentOutOfRangeException(nameof(gamma), "γ is in [0, 1]");

    public override string Name => "honest";
    public override bool IsHonest => true;

    public override void OnMined(TreeBlock block)
    {
        MiningTip = block;
        Context.Publish(block);
    }

    public override void OnReceived(TreeBlock block)
    {
        if (block.HasMoreWorkThan(MiningTip)) MiningTip = block;
        else if (TieRule == TieRule.SwitchWithProbability && block.Work == MiningTip.Work && block != MiningTip
            && Context.Random.NextDouble() < Gamma)
            MiningTip = block;
    }
}
