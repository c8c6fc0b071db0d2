namespace TokenEconSim.Domain.Network;

/// <summary>
/// A double-spend attacker in the setting of Rosenfeld ("Analysis of hashrate-based double spending", 2014). It
/// mines privately on the public tip F; if the others extend F first it moves to their block. Once it has found a
/// block on F (the pre-mined block holding the conflicting spend) it pays the merchant: an attempt. The payment goes
/// into the next honest block on F and the merchant delivers after <see cref="Confirmations"/> blocks (the payment's
/// included). The attacker keeps extending its branch and publishes it as soon as the merchant has delivered and the
/// branch has more work than the public one: a success. It gives up, a failure, once the public chain is
/// <see cref="GiveUpDeficit"/> blocks ahead of its branch. With instant propagation the success probability is
/// Rosenfeld's r(q, z) = 1 − Σ_{m=0}^{z} C(m+z−1, m)(p^z q^m − q^z p^m) for q &lt; p, less at most (q/p)^GiveUpDeficit.
/// </summary>
public sealed class DoubleSpender(int confirmations, int giveUpDeficit = 40) : MinerStrategy
{
    private readonly List<TreeBlock> _private = [];
    private TreeBlock _fork = null!;
    private TreeBlock _public = null!;

    public int Confirmations { get; } = confirmations >= 1 ? confirmations : throw new ArgumentOutOfRangeException(nameof(confirmations));
    public int GiveUpDeficit { get; } = giveUpDeficit >= 1 ? giveUpDeficit : throw new ArgumentOutOfRangeException(nameof(giveUpDeficit));
    public int Attempts { get; private set; }
    public int Successes { get; private set; }
    public override string Name => "double_spend";

    private bool Racing => _private.Count > 0;

    protected override void OnStart(TreeBlock genesis) => (_fork, _public) = (genesis, genesis);

    public override void OnMined(TreeBlock block)
    {
        if (!Racing) Attempts++;
        _private.Add(block);
        MiningTip = block;
        TryPublish();
    }

    public override void OnReceived(TreeBlock block)
    {
        if (!block.HasMoreWorkThan(_public)) return;
        _public = block;
        if (!Racing)
        {
            (_fork, MiningTip) = (block, block);
            return;
        }
        TryPublish();
        if (Racing && _public.Height - MiningTip.Height >= GiveUpDeficit) Restart(_public);
    }

    private void TryPublish()
    {
        var delivered = _public.Height - _fork.Height >= Confirmations;
        if (!delivered || !MiningTip.HasMoreWorkThan(_public)) return;
        foreach (var b in _private) Context.Publish(b);
        Successes++;
        _public = MiningTip;
        Restart(MiningTip);
    }

    private void Restart(TreeBlock tip)
    {
        _private.Clear();
        (_fork, MiningTip) = (tip, tip);
    }

    /// <summary>Rosenfeld's success probability for attacker share q and z confirmations (1 when q ≥ 1/2).</summary>
    public static double RosenfeldSuccess(double q, int z)
    {
        var p = 1 - q;
        if (q >= p) return 1;
        var sum = 0.0;
        for (var m = 0; m <= z; m++)
            sum += Binomial(m + z - 1, m) * (Math.Pow(p, z) * Math.Pow(q, m) - Math.Pow(q, z) * Math.Pow(p, m));
        return 1 - sum;
    }

    private static double Binomial(int n, int k)
    {
        var r = 1.0;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
