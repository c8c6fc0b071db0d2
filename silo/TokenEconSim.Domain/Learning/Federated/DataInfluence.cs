namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// A provider's marginal contribution without retraining: the first-order influence of its batch on the validation loss, TracIn
/// at one checkpoint (Pruthi, Liu, Kale and Sundararajan, "Estimating Training Data Influence by Tracing Gradient Descent",
/// NeurIPS 2020). A gradient step of size η on the batch B moves the model by −η·Σ_{z∈B} ∇ℓ(w; z), which changes the mean
/// validation loss L by −η·∇L(w)·Σ_{z∈B} ∇ℓ(w; z) to first order; the batch's influence is that reduction over η,
///
///   I(B) = ∇L(w) · Σ_{z∈B} ∇ℓ(w; z),   ∇ℓ(w; (x, y)) = (σ(w·x̃) − y)·x̃,   x̃ = (x, 1), missing values 0 (as <see cref="LocalSgd"/>).
///
/// Positive when training on the batch lowers the validation loss, larger for a larger batch, negative for one whose labels pull
/// the boundary away from the truth (a careless labeller's), which the measured quality q does not see. Leave-one-out retraining
/// per batch would cost a training run per provider per epoch; this costs one pass over the batch. Sums run in sample order.
/// </summary>
public static class DataInfluence
{
    /// <summary>∇L(w), the mean log-loss gradient over the validation set (d weights, then the bias).</summary>
    public static double[] ValidationGradient(ReadOnlySpan<double> weights, ValidationSet set)
    {
        var gradient = new double[weights.Length];
        var d = set.Dimensions;
        for (var i = 0; i < set.Count; i++)
        {
            var x = set.Features.AsSpan(i * d, d);
            var residual = LogisticModel.Sigmoid(LogisticModel.Logit(weights, x)) - set.Labels[i];
            for (var k = 0; k < d; k++) gradient[k] += residual * x[k];
            gradient[d] += residual;
        }
        for (var k = 0; k <= d; k++) gradient[k] /= set.Count;
        return gradient;
    }

    /// <summary>I(B) for the first <paramref name="records"/> rows of a batch (row-major, NaN = missing); allocates nothing.</summary>
    public static double OfBatch(ReadOnlySpan<double> weights, ReadOnlySpan<double> validationGradient, ReadOnlySpan<double> features,
        ReadOnlySpan<double> labels, int records)
    {
        var d = weights.Length - 1;
        var influence = 0.0;
        for (var i = 0; i < records; i++)
        {
            var x = features.Slice(i * d, d);
            double z = weights[d], aligned = validationGradient[d];
            for (var k = 0; k < d; k++)
            {
                var value = double.IsNaN(x[k]) ? 0 : x[k];
                z += weights[k] * value;
                aligned += validationGradient[k] * value;
            }
            influence += (LogisticModel.Sigmoid(z) - labels[i]) * aligned;
        }
        return influence;
    }
}
