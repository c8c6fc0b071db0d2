using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TokenEconSim.Dashboard.Tests.Support;
using TokenEconSim.Silo.Cli;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>With a start-up token (required off loopback), starting and cancelling runs need it; reading does not.</summary>
public sealed class TokenTests(TokenDashboardServer server) : IClassFixture<TokenDashboardServer>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "this dashboard requires a token")]
    [InlineData("wrong", HttpStatusCode.Unauthorized, "does not match")]
    [InlineData(TokenDashboardServer.Secret, HttpStatusCode.BadRequest, "scenario: 'no-such.yaml' not found")]
    public async Task Starting_a_run_needs_the_token(string? token, HttpStatusCode expected, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent("""{"scenario": "no-such.yaml"}""", Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancelling_needs_the_token_and_reading_does_not()
    {
        using var cancel = await server.Http.DeleteAsync("/api/runs/any", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, cancel.StatusCode);
        using var list = await server.Http.GetAsync("/api/runs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Serve_refuses_a_non_loopback_address_without_a_token()
    {
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        int exit;
        try
        {
            Environment.SetEnvironmentVariable(ServeCommand.TokenVariable, null);
            exit = await CommandLine.InvokeAsync(["serve", "--host", "0.0.0.0", "--scenarios", Repo.Scenarios]);
        }
        finally
        {
            Console.SetError(old);
        }
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("--host 0.0.0.0: other machines could start and cancel runs; give a token with --token", err.ToString());
    }
}
