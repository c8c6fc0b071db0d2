namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// One PBFT instance, as metrics see it. <see cref="Committed"/>: every honest replica decided,
/// all on <see cref="Digest"/>. <see cref="ViewChanges"/>: the most view changes any honest
/// replica started. <see cref="Messages"/>: point-to-point deliveries (a broadcast counts n − 1).
/// </summary>
public readonly record struct PbftOutcome(bool Committed, Digest? Digest, int Rounds, int ViewChanges, long Messages);

/// <summary>A finished run: the outcome, each replica's decision (Byzantine ones included, as reported), and the highest honest view.</summary>
public sealed record PbftRunResult(
    PbftOutcome Outcome, IReadOnlyList<Digest?> Decisions, IReadOnlyList<bool> Honest, long FinalView)
{
    /// <summary>The distinct values honest replicas decided: more than one is a safety violation.</summary>
    public IReadOnlyList<Digest> HonestDecisions() =>
        Decisions.Where((d, i) => Honest[i] && d is not null).Select(d => d!.Value).Distinct()
            .OrderBy(d => d.Hi).ThenBy(d => d.Lo).ToArray();
}
