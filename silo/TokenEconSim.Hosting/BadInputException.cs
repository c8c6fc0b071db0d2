namespace TokenEconSim.Hosting;

/// <summary>Bad input found after parsing (a scenario error, a missing file): reported in one line per problem, exit 2.</summary>
public sealed class BadInputException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public BadInputException(string problem) : this([problem]) { }
}
