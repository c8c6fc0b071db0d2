using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

/// <summary>Makes blocks for a chain by real grinding (targets in these tests are easy).</summary>
internal static class ChainBuilder
{
    public static Block Mine(Block template, bool wantValid = true)
    {
        var target = ProofOfWork.TargetOf(template.Header.Bits);
        for (ulong n = 0; n < NonceGrinder.NonceSpace; n++)
        {
            var header = template.Header with { Nonce = (uint)n };
            if ((header.Hash() <= target) == wantValid) return template with { Header = header };
        }
        throw new InvalidOperationException("no nonce");
    }

    public static Block Next(Blockchain chain, uint time, IReadOnlyList<ChainTransaction>? txs = null, int producer = 1) =>
        Mine(Block.Assemble(chain.Count, chain.TipHash, time, chain.RequiredBits(time),
            txs ?? [ChainTransaction.Reward(producer, 50), ChainTransaction.Fee(2, (long)chain.Count)], producer));
}
