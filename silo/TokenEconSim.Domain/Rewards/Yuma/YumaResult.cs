namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// One Yuma 3 epoch's outputs (docs/model.md §3.6): consensus, ranks, trust, incentive and the server
/// emission have an entry per contributor (column), validator trust, dividends and the validator
/// emission one per validator (row), bonds one per pair; in subtensor's square shape both are the n uids.
/// Incentive and dividends sum to 1 unless all zero.
/// </summary>
/// <param name="Consensus">C_j, the κ stake-weighted median of column j.</param>
/// <param name="ValidatorTrust">Σ_j of validator i's clipped weights: how much of its vote counted.</param>
/// <param name="Ranks">R_j = Σ_i s_i·W̄_ij, before normalisation.</param>
/// <param name="Trust">R_j / P_j with P_j the same sum over unclipped weights: the share of support that survived clipping.</param>
/// <param name="Incentive">I_j = R_j / Σ R: the contributors' split.</param>
/// <param name="Dividends">D_i: the validators' split.</param>
/// <param name="Bonds">
/// The new bonds B_ij in [0, 1], rounded down to subtensor's u16 storage grid (k/65 535): feed them back as
/// the next epoch's previous bonds.
/// </param>
/// <param name="ServerEmission">I_j / Σ(I + D): contributors' share of the epoch's emission.</param>
/// <param name="ValidatorEmission">D_i / Σ(I + D), or the stake when no one earned: validators' share.</param>
public sealed record YumaResult(
    double[] Consensus,
    double[] ValidatorTrust,
    double[] Ranks,
    double[] Trust,
    double[] Incentive,
    double[] Dividends,
    double[][] Bonds,
    double[] ServerEmission,
    double[] ValidatorEmission);
