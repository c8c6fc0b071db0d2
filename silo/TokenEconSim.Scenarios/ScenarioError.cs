using System.Diagnostics.CodeAnalysis;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios;

/// <summary>
/// One problem in a scenario, at the 1-based line and column of the node where it is written.
/// Line and column are 0 when there is no node (a missing file, a <c>--set</c> override).
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>file:line:column: message, or file: message for a problem with the file as a whole (line 0).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>The scenario when it is valid, else every error found (in document order).</summary>
public sealed class ScenarioLoadResult
{
    internal ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ScenarioError> errors)
    {
        // A scenario with errors is never handed out: defaults silently standing in for a
        // mistyped value would run a different experiment than the one written.
        Scenario = errors.Count == 0 ? scenario : null;
        Errors = errors;
    }

    public Scenario? Scenario { get; }
    public IReadOnlyList<ScenarioError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Success => Errors.Count == 0 && Scenario != null;
}
