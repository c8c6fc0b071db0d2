namespace TokenEconSim.Domain.Network;

/// <summary>
/// Selfish mining, the SM1 strategy of Eyal and Sirer ("Majority is not Enough: Bitcoin Mining is Vulnerable",
/// Financial Cryptography 2014, Algorithm 1). The pool mines on a private branch and keeps what it finds; when the
/// others find a block it compares its lead Δ (private height − public height, before their block): Δ = 0 → adopt
/// theirs; Δ = 1 → publish its block and race (the tie, where a share γ of honest hashrate mines on the pool's
/// block); Δ = 2 → publish everything and win; Δ &gt; 2 → publish up to their height and keep the rest. Finding a
/// block during the race (Δ = 0 with a branch of 1) publishes it and wins. Its relative revenue is
/// R = [α(1−α)²(4α + γ(1−2α)) − α³] / [1 − α(1 + (2−α)α)] (their equation 8).
/// </summary>
public sealed class SelfishMiner : MinerStrategy
{
    private readonly Queue<TreeBlock> _unpublished = new();
    private TreeBlock _public = null!;
    private int _branchLength;

    public override string Name => "selfish";

    protected override void OnStart(TreeBlock genesis) => _public = genesis;

    public override void OnMined(TreeBlock block)
    {
        var lead = MiningTip.Height - _public.Height;
        MiningTip = block;
        _unpublished.Enqueue(block);
        _branchLength++;
        if (lead == 0 && _branchLength == 2)
        {
            PublishThrough(block.Height);
            _branchLength = 0;
        }
    }

    public override void OnReceived(TreeBlock block)
    {
        if (block.Height <= _public.Height) return; // not a longer public chain: nothing changes
        var lead = MiningTip.Height - _public.Height;
        _public = block;
        if (lead <= 0)
        {
            MiningTip = block;
            _unpublished.Clear();
            _branchLength = 0;
        }
        else if (lead == 2)
        {
            PublishThrough(MiningTip.Height);
            _branchLength = 0;
        }
        else
        {
            PublishThrough(block.Height); // Δ = 1: the tie; Δ > 2: match their height and keep the lead
        }
    }

    private void PublishThrough(long height)
    {
        while (_unpublished.Count > 0 && _unpublished.Peek().Height <= height)
        {
            var b = _unpublished.Dequeue();
            Context.Publish(b);
            if (b.Height > _public.Height) _public = b;
        }
    }

    /// <summary>Eyal and Sirer's closed form for the pool's share of main-chain blocks.</summary>
    public static double RelativeRevenue(double alpha, double gamma) =>
        (alpha * Math.Pow(1 - alpha, 2) * (4 * alpha + gamma * (1 - 2 * alpha)) - Math.Pow(alpha, 3))
            / (1 - alpha * (1 + (2 - alpha) * alpha));
}
