using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// One responding agent's totals over the epochs paid so far (<see cref="RoleBehaviour.TotalOf"/>): the *_total columns of its rows in
/// the run's agents.parquet (docs/model.md §17.8).
/// </summary>
/// <param name="Present">The agent is present (entered and not left) after the last epoch drawn.</param>
/// <param name="EpochsActive">Epochs it took part in.</param>
/// <param name="CheatedEpochs">Epochs it took part in with a cheat, caught or not.</param>
/// <param name="Reward">Base units paid to it.</param>
/// <param name="Cost">Net cost it bore, tokens (a user's: its fees' cost less its calls' value).</param>
/// <param name="Slashed">Base units slashed from its bond.</param>
/// <param name="Bond">Base units it holds in its bond.</param>
public readonly record struct AgentTotal(bool Present, int EpochsActive, int CheatedEpochs, long Reward, double Cost, long Slashed, long Bond)
{
    /// <summary>Reward − cost − slashed, tokens (as <see cref="RoleBehaviour.ProfitTotal"/>).</summary>
    public double Profit => TokenUnits.ToTokens(Reward) - Cost - TokenUnits.ToTokens(Slashed);
}
