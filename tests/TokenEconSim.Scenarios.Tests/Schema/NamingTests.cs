using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios.Tests.Schema;

public class NamingTests
{
    [Theory]
    [InlineData("AgentsPerGrain", "agents_per_grain")]
    [InlineData("CGpu", "c_gpu")]
    [InlineData("CAcc", "c_acc")]
    [InlineData("DataProviders", "data_providers")]
    [InlineData("Seed", "seed")]
    [InlineData("HTTPPort", "http_port")]
    [InlineData("Sha256Rounds", "sha256_rounds")]
    [InlineData("LogNormal", "log_normal")]
    public void PascalCaseToSnakeCase(string pascal, string snake) => Assert.Equal(snake, Naming.ToSnakeCase(pascal));
}
