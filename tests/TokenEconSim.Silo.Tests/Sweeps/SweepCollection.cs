namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// The sweep tests each run dozens of runs on a silo. Run apart from the other classes (after
/// them, one at a time), they do not starve timing-sensitive tests such as CancellationTests on 2 cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SweepCollection
{
    public const string Name = "Sweeps";
}
