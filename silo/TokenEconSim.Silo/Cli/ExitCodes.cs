namespace TokenEconSim.Silo.Cli;

/// <summary>docs/model.md §16: 0 success, 2 bad input (scenario, flag), 1 failure of the run itself.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>Bad input found after parsing (a scenario error, a missing file): reported in one line per problem, exit 2.</summary>
public sealed class BadInputException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public BadInputException(string problem) : this([problem]) { }
}
