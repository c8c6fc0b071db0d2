namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// The network hashrate a predictive algorithm works from: <see cref="Last"/>, estimated from the
/// last period's blocks, and <see cref="Predicted"/>, the predictor's value for the next period
/// (hashes per second, both). It is part of consensus state: the producer and every validator
/// pass the same forecast. <see cref="Skill"/> is the forecaster's recent skill against last value
/// (<see cref="Prediction.WindowHashrate"/>), in [0, 1]; only <c>predictive_asert</c> reads it.
/// </summary>
public readonly record struct HashrateForecast(double Predicted, double Last, double Skill = 0);

/// <summary>
/// What a difficulty algorithm may know about the block being made besides the history: its
/// timestamp (Ethereum's rule depends on it) and, for the predictive algorithms, the
/// hashrate forecast. The other algorithms ignore the forecast.
/// </summary>
public readonly record struct NextBlock(long Time, HashrateForecast? Forecast = null);
