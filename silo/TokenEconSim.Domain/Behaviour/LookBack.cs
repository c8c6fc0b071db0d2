using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// The entry signal of one population, kept by the epoch loop: the best action's expected profit per
/// unit of scale in each of the last W scored epochs (a ring), summed. An absent agent enters when
/// the sum, times its scale, exceeds the entry cost (docs/model.md, entry and exit).
/// </summary>
public sealed class LookBack : ICheckpointed
{
    private readonly double[] _ring;
    private int _next, _filled;

    public LookBack(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        _ring = new double[epochs];
    }

    /// <summary>Records one scored epoch's best expected profit (<see cref="ActionSet.BestExpectedProfit"/> at scale 1).</summary>
    public void Push(double bestProfit)
    {
        _ring[_next] = bestProfit;
        _next = (_next + 1) % _ring.Length;
        _filled = Math.Min(_filled + 1, _ring.Length);
    }

    /// <summary>Σ over the epochs recorded (at most W), summed oldest first; NaN before any.</summary>
    public double Sum
    {
        get
        {
            if (_filled == 0) return double.NaN;
            var total = 0.0;
            for (var k = 0; k < _filled; k++) total += _ring[(_next - _filled + k + _ring.Length) % _ring.Length];
            return total;
        }
    }

    public void WriteState(BinaryWriter w)
    {
        StateIo.Write(w, _ring);
        w.Write(_next);
        w.Write(_filled);
    }

    public void ReadState(BinaryReader r)
    {
        StateIo.Read(r, _ring);
        _next = r.ReadInt32();
        _filled = r.ReadInt32();
    }
}
