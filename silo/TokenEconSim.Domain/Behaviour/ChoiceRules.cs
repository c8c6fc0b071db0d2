namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// The choice rules over a discrete action set, as pure functions of an agent's estimates and its
/// own generator. Ties go to the lowest action index (idle first), so a rule spends no draw on them.
/// </summary>
public static class ChoiceRules
{
    /// <summary>The index of the largest value; the lowest index among equals.</summary>
    public static int Argmax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var a = 1; a < values.Length; a++)
            if (values[a] > values[best]) best = a;
        return best;
    }

    /// <summary>
    /// Logit (quantal response) probabilities, p_a = exp(λ·u_a) / Σ_b exp(λ·u_b) (McFadden's
    /// conditional logit; Train, Discrete Choice Methods with Simulation, 2nd ed. 2009, ch. 3;
    /// McKelvey and Palfrey, "Quantal Response Equilibria for Normal Form Games", Games and Economic
    /// Behavior 10, 1995). Computed as exp(λ·(u_a − max u)), so no term overflows; λ = 0 is uniform.
    /// </summary>
    public static void LogitProbabilities(ReadOnlySpan<double> utilities, double lambda, Span<double> into)
    {
        var top = utilities[Argmax(utilities)];
        var total = 0.0;
        for (var a = 0; a < utilities.Length; a++) total += into[a] = Math.Exp(lambda * (utilities[a] - top));
        for (var a = 0; a < utilities.Length; a++) into[a] /= total;
    }

    /// <summary>Draws an action from the logit probabilities with one uniform draw (inverse CDF, in index order).</summary>
    public static int Logit(ReadOnlySpan<double> utilities, double lambda, Random rng)
    {
        Span<double> p = stackalloc double[utilities.Length];
        LogitProbabilities(utilities, lambda, p);
        var u = rng.NextDouble();
        for (var a = 0; a < p.Length - 1; a++)
        {
            u -= p[a];
            if (u < 0) return a;
        }
        return p.Length - 1;
    }

    /// <summary>
    /// ε-greedy (Sutton and Barto, Reinforcement Learning: An Introduction, 2nd ed. 2018, §2.2–2.4):
    /// with probability ε a uniformly random action, else the best estimate. One uniform draw, plus
    /// one bounded integer when exploring.
    /// </summary>
    public static int EpsilonGreedy(ReadOnlySpan<double> estimates, double epsilon, Random rng) =>
        rng.NextDouble() < epsilon ? rng.Next(estimates.Length) : Argmax(estimates);

    /// <summary>
    /// UCB1 (Auer, Cesa-Bianchi and Fischer, "Finite-time Analysis of the Multiarmed Bandit Problem",
    /// Machine Learning 47, 2002, Fig. 1): play every action once, in index order; then the action
    /// maximising x̄_a + c·√(2 ln t / n_a), t = Σ n_a. The paper's rewards lie in [0, 1]; profits are
    /// in tokens, so the bonus is scaled by c, the profits' range. No draw.
    /// </summary>
    public static int Ucb1(ReadOnlySpan<double> means, ReadOnlySpan<int> pulls, double scale)
    {
        var t = 0L;
        for (var a = 0; a < pulls.Length; a++)
        {
            if (pulls[a] == 0) return a;
            t += pulls[a];
        }
        var log = Math.Log(t);
        var best = 0;
        var bestIndex = double.NegativeInfinity;
        for (var a = 0; a < means.Length; a++)
        {
            var index = means[a] + scale * Math.Sqrt(2 * log / pulls[a]);
            if (index > bestIndex) (best, bestIndex) = (a, index);
        }
        return best;
    }
}
