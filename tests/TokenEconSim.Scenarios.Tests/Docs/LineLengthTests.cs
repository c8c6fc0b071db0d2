namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// No C# line is longer than .editorconfig's max_line_length (150): Roslyn does not enforce it, so this does.
/// Generated files (obj/) are not scanned.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 150;

    /// <summary>
    /// Files another branch was editing when the limit came in; they are wrapped there. Empty this list once
    /// that branch is merged.
    /// </summary>
    private static readonly HashSet<string> NotYetWrapped =
    [
        "silo/TokenEconSim.Domain/Agents/AgentShard.cs",
        "silo/TokenEconSim.Domain/Agents/AgentShard.Contribute.cs",
        "silo/TokenEconSim.Domain/Agents/AgentShard.Economy.cs",
        "silo/TokenEconSim.Domain/Agents/AgentShard.State.cs",
        "silo/TokenEconSim.Domain/Behaviour/ActionSet.cs",
        "silo/TokenEconSim.Domain/Behaviour/BehaviourTally.cs",
        "silo/TokenEconSim.Domain/Behaviour/EpochTerms.cs",
        "silo/TokenEconSim.Domain/Behaviour/PopulationBehaviour.cs",
        "silo/TokenEconSim.Domain/Behaviour/RoleBehaviour.cs",
        "silo/TokenEconSim.Domain/Behaviour/RoleBehaviour.State.cs",
        "silo/TokenEconSim.Domain/Simulation/EpochLoop.cs",
        "silo/TokenEconSim.Domain/Simulation/EpochLoop.Checkpoint.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/BehaviourDeterminismTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/CheatingThresholdTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/ChoiceRulesTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/CostsAndActionsTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/EntryExitTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/FreeEntryTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/HotPathTests.cs",
        "tests/TokenEconSim.Domain.Tests/Behaviour/PopulationSimulation.cs",
    ];

    [Fact]
    public void NoCSharpLineIsLongerThanTheLimit()
    {
        var tooLong = CSharpFiles()
            .Where(f => !NotYetWrapped.Contains(RepoText.Relative(f)))
            .SelectMany(f => RepoText.Lines(f).Where(l => l.Text.Length > MaxLineLength).Select(l => $"{l.Where} ({l.Text.Length})"))
            .ToList();
        Assert.True(tooLong.Count == 0, $"wrap these lines to at most {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void TheLimitIsTheOneEditorconfigDocuments()
    {
        var editorconfig = File.ReadAllLines(Path.Combine(Support.RepoRoot.Path, ".editorconfig"));
        Assert.Contains($"max_line_length = {MaxLineLength}", editorconfig);
    }

    [Fact]
    public void EveryFileStillWaitingToBeWrappedExists()
    {
        var files = CSharpFiles().Select(RepoText.Relative).ToHashSet();
        Assert.Empty(NotYetWrapped.Except(files));
    }

    internal static IEnumerable<string> CSharpFiles() => RepoText.Files().Where(f => f.EndsWith(".cs", StringComparison.Ordinal));
}
