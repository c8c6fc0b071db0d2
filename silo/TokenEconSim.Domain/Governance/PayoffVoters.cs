using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Governance;

/// <summary>
/// The voters of payoff voting besides the validators (docs/model.md §11), as the epoch just drawn has them: per role D, T, U
/// (index 0, 1, 2) the tokens its present members hold in bonds, which are their voting weight.
/// </summary>
public sealed record PayoffVoters(double[] Bonded)
{
    /// <summary>
    /// +1 when the role's members are paid more under <paramref name="proposed"/> than under <paramref name="current"/>, −1 when less,
    /// 0 when alike (they abstain): a myopic voter, as a best response is (§17.4), all else as drawn. In shares mode a member of role r
    /// is paid w_r·P·V_i/S_r, in absolute mode w_r·V_i: either way its pay moves with its role's weight alone, so every member of a
    /// role votes alike. (In pool mode it would also depend on the other roles' contributions, which is why payoff voting is
    /// refused there.)
    /// </summary>
    public static int Preference(RewardWeights current, RewardWeights proposed, int role)
    {
        var (now, then) = role switch
        {
            0 => (current.Alpha, proposed.Alpha),
            1 => (current.Beta, proposed.Beta),
            _ => (current.Gamma, proposed.Gamma),
        };
        // Within the simplex's own tolerance the weights are the same: a proposal re-stating them moves nobody's pay.
        return Math.Abs(then - now) <= Simplex.Tolerance ? 0 : then.CompareTo(now);
    }
}
