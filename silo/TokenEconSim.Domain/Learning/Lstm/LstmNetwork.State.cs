namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>Flat persistence of a network: shape header, Adam step, parameters, first and second moments.</summary>
public sealed partial class LstmNetwork
{
    /// <summary>Bumped whenever the layout below changes, so an old state is refused, not misread.</summary>
    private const double StateFormat = 1;
    private const int HeaderLength = 6;

    /// <summary>Length of <see cref="ExportState"/>'s array: header + 3 × parameters.</summary>
    public int StateLength => HeaderLength + 3 * ParameterCount;

    /// <summary>
    /// [format, InputSize, Window, HiddenSize, Layers, Adam step, θ…, m…, v…], blocks in the order
    /// layer0 W, U, b, (layer1 W, U, b,) head w, head b. Optimiser hyper-parameters are config, not state.
    /// </summary>
    public double[] ExportState()
    {
        var state = new double[StateLength];
        Header().CopyTo(state, 0);
        state[HeaderLength - 1] = _step;
        var offset = HeaderLength;
        foreach (var part in Parts())
            foreach (var block in _blocks)
            {
                part(block).CopyTo(state, offset);
                offset += block.Length;
            }
        return state;
    }

    /// <summary>Restores what <see cref="ExportState"/> wrote; the shape must match this network's config.</summary>
    public void ImportState(ReadOnlySpan<double> state)
    {
        if (state.Length != StateLength) throw new ArgumentException($"state must hold {StateLength} values (got {state.Length})");
        var header = Header();
        for (var k = 0; k < header.Length; k++)
            if (state[k] != header[k]) throw new ArgumentException($"state header value {k} is {state[k]}, this network needs {header[k]}");
        _step = (long)state[HeaderLength - 1];
        var offset = HeaderLength;
        foreach (var part in Parts())
            foreach (var block in _blocks)
            {
                state.Slice(offset, block.Length).CopyTo(part(block));
                offset += block.Length;
            }
    }

    private double[] Header() => [StateFormat, Config.InputSize, Config.Window, Config.HiddenSize, Config.Layers];

    private static Func<ParameterBlock, double[]>[] Parts() => [b => b.Value, b => b.FirstMoment, b => b.SecondMoment];
}
