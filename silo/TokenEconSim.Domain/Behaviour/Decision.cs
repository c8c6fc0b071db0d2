namespace TokenEconSim.Domain.Behaviour;

/// <summary>What one agent decided for an epoch (<see cref="RoleBehaviour.Decide"/>).</summary>
/// <param name="Action">The action index; <see cref="ActionSet.Idle"/> when the agent does not take part (absent agents included).</param>
/// <param name="Entered">The agent was absent and entered this epoch.</param>
/// <param name="Exited">The agent left this epoch (loss-making epochs, or a bond below the stake).</param>
/// <param name="Cheats">The action is a cheat.</param>
/// <param name="Caught">The cheat is caught: its contribution scores 0; its bond is slashed now and the slash burned at settlement.</param>
/// <param name="BondMoved">Base units to move from the agent's balance into its bond (positive on entry) or back (negative on exit).</param>
public readonly record struct Decision(int Action, bool Entered, bool Exited, bool Cheats, bool Caught, long BondMoved)
{
    public bool TakesPart => Action != ActionSet.Idle;
}

/// <summary>What one agent's settled epoch came to (<see cref="RoleBehaviour.Settle"/>).</summary>
/// <param name="TookPart">The agent took part in the settled epoch.</param>
/// <param name="Cost">Net cost in tokens (cost less a user's value of its calls).</param>
/// <param name="Reward">The reward paid, base units.</param>
/// <param name="Slashed">Base units slashed from the bond (the shard burns them).</param>
/// <param name="Profit">Reward − cost − slash, tokens.</param>
/// <param name="Cheated">The settled action was a cheat.</param>
public readonly record struct Outcome(bool TookPart, double Cost, long Reward, long Slashed, double Profit, bool Cheated);
