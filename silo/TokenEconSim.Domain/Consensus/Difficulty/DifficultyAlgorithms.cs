namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>Builds a difficulty algorithm from its scenario name.</summary>
public static class DifficultyAlgorithms
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["asert", "bitcoin", "ethereum", "fixed", "lstm", "lstm_asert"];

    public static IDifficultyAlgorithm Create(string name, DifficultySettings settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        return name.Trim().ToLowerInvariant() switch
        {
            "bitcoin" => new BitcoinDifficulty(settings),
            "asert" => new AsertDifficulty(settings),
            "ethereum" => new EthereumDifficulty(settings),
            "fixed" => new FixedDifficulty(settings),
            "lstm" => new PredictiveDifficulty(settings),
            "lstm_asert" => new PredictiveAsertDifficulty(settings),
            _ => throw new ArgumentException($"unknown difficulty algorithm '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
