using TokenEconSim.Scenarios.Binding;

namespace TokenEconSim.Scenarios.Tests.Binding;

public class SuggestionsTests
{
    private static readonly string[] RunKeys = ["name", "seed", "epochs", "epoch_length", "agents_per_grain"];

    [Theory]
    [InlineData("epcohs", "epochs")]        // transposition
    [InlineData("epoch", "epochs")]         // deletion
    [InlineData("epochss", "epochs")]       // insertion
    [InlineData("epoch-length", "epoch_length")]
    [InlineData("EpochLength", "epoch_length")] // PascalCase from the C# model
    [InlineData("agentsPerGrain", "agents_per_grain")]
    [InlineData("sed", "seed")]
    public void FindsTheIntendedKey(string typo, string expected) => Assert.Equal(expected, Suggestions.Closest(typo, RunKeys));

    [Theory]
    [InlineData("colour")]
    [InlineData("x")]
    [InlineData("ab")]
    public void SuggestsNothingForUnrelatedWords(string input) => Assert.Null(Suggestions.Closest(input, RunKeys));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("epcohs", "epochs", 1)]
    public void DistanceIsOptimalStringAlignment(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }
}
