using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Builds the scenario's difficulty algorithm (<c>consensus.difficulty.algorithm</c>, parsed once into the enum by the scenario loader).
/// </summary>
public static class DifficultyAlgorithms
{
    public static IDifficultyAlgorithm Create(DifficultyAlgorithmKind kind, DifficultySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return kind switch
        {
            DifficultyAlgorithmKind.Fixed => new FixedDifficulty(settings),
            DifficultyAlgorithmKind.Bitcoin => new BitcoinDifficulty(settings),
            DifficultyAlgorithmKind.Asert => new AsertDifficulty(settings),
            DifficultyAlgorithmKind.Ethereum => new EthereumDifficulty(settings),
            DifficultyAlgorithmKind.Lstm => new PredictiveDifficulty(settings),
            DifficultyAlgorithmKind.LstmAsert => new PredictiveAsertDifficulty(settings),
            DifficultyAlgorithmKind.PredictiveAsert => new BlendedAsertDifficulty(settings),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a difficulty algorithm"),
        };
    }
}
