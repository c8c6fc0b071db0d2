using TokenEconSim.Hosting;

namespace TokenEconSim.Silo.Tests;

/// <summary>How a stopped run says to continue it, for each way `silo` can have been started.</summary>
public sealed class InvocationTests
{
    private const string Assembly = "/app/silo.dll";

    [Fact]
    public void UnderDotnetRunTheCliArgumentsBeforeTheSeparatorAreKept()
    {
        string[] parent = ["dotnet", "run", "--project", "silo/TokenEconSim.Silo", "-c", "Release", "--", "run", "scenarios/baseline.yaml"];
        Assert.Equal("dotnet run --project silo/TokenEconSim.Silo -c Release --", Invocation.Prefix(parent, "/repo/bin/silo", Assembly, "/usr/bin"));
        Assert.Equal("/usr/bin/dotnet run --", Invocation.Prefix(["/usr/bin/dotnet", "run"], "/repo/bin/silo", Assembly, "/usr/bin"));
    }

    [Fact]
    public void StartedAsDotnetSiloDllItSaysSo()
    {
        Assert.Equal("/usr/share/dotnet/dotnet /app/silo.dll", Invocation.Prefix(["bash"], "/usr/share/dotnet/dotnet", Assembly, "/usr/bin"));
    }

    [Fact]
    public void ASiloFoundOnPathIsCalledSiloAndAnyOtherByItsFullPath()
    {
        var dir = Directory.CreateTempSubdirectory("invocation-").FullName;
        try
        {
            var silo = Path.Combine(dir, "silo");
            File.WriteAllText(silo, "");
            Assert.Equal("silo", Invocation.Prefix(["bash"], silo, Assembly, $"/nowhere:{dir}"));
            Assert.Equal(silo, Invocation.Prefix(["bash"], silo, Assembly, "/nowhere"));
            Assert.Equal("'/my apps/silo'", Invocation.Prefix(["bash"], "/my apps/silo", Assembly, "/nowhere"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("runs", "runs")]
    [InlineData("my runs", "'my runs'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void WordsAreQuotedForAPosixShell(string word, string quoted) => Assert.Equal(quoted, Invocation.Quote(word));
}
