using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// The chain as seen from one branch: heights 0 … tip, read through the tip's ancestors. Difficulty
/// algorithms and median time past read it exactly as they read the linear chain, so a block is
/// validated against the ancestors of the branch it extends. Reads near the last one read walk parent
/// links; far reads use the skip pointers.
/// </summary>
public sealed class BranchHistory(TreeBlock tip) : IChainHistory
{
    private const int WalkLimit = 32;
    private TreeBlock _cursor = tip;

    public TreeBlock Tip { get; } = tip;
    public long Count => Tip.Height + 1;
    public long Time(long height) => At(height).Time;
    public uint Bits(long height) => At(height).Bits;

    private TreeBlock At(long height)
    {
        var from = height <= _cursor.Height && _cursor.Height - height <= WalkLimit ? _cursor : Tip;
        var block = from;
        if (from.Height - height <= WalkLimit)
            while (block.Height > height) block = block.Parent!;
        else
            block = from.Ancestor(height);
        _cursor = block;
        return block;
    }
}
