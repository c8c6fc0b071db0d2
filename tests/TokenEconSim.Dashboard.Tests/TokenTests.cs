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
    [InlineData("", HttpStatusCode.Unauthorized, "this dashboard requires a token")]
    [InlineData(TokenDashboardServer.Secret, HttpStatusCode.BadRequest, "scenario: 'no-such.yaml' not found")]
    [InlineData(TokenDashboardServer.Secret, HttpStatusCode.BadRequest, "scenario: 'no-such.yaml' not found", "bearer")]
    [InlineData(TokenDashboardServer.Secret, HttpStatusCode.BadRequest, "scenario: 'no-such.yaml' not found", "BEARER")]
    public async Task StartingARunNeedsTheToken(string? token, HttpStatusCode expected, string message, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent("""{"scenario": "no-such.yaml"}""",
            Encoding.UTF8, "application/json")
        };
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CancellingNeedsTheTokenAndReadingDoesNot()
    {
        using var cancel = await server.Http.DeleteAsync("/api/runs/any", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, cancel.StatusCode);
        using var list = await server.Http.GetAsync("/api/runs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task ServeRefusesANonLoopbackAddressWithoutAToken()
    {
        var (exit, err) = await ServeCli.InvokeAsync(["serve", "--host", "0.0.0.0", "--scenarios", Repo.Scenarios]);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("--host 0.0.0.0: other machines could start and cancel runs; give a token with --token", err);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptyOrBlankTokenIsNoToken(string token)
    {
        // --scenarios names no folder: before, the empty token passed and serve stopped at the folder instead.
        var (exit, err) = await ServeCli.InvokeAsync(["serve", "--host", "0.0.0.0", "--token", token, "--scenarios", "/no/such/folder"]);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("--host 0.0.0.0: other machines could start and cancel runs; give a token with --token", err);
        Assert.Contains("an empty or blank one is no token", err);
    }

    [Theory]
    [InlineData("", "Bearer ")]
    [InlineData("", null)]
    [InlineData(" ", "Bearer  ")]
    [InlineData("t", "Bearer ")]
    [InlineData("t", "Basic " + "dTo=")] // "u:" — an empty password
    public void The_token_check_never_accepts_an_empty_token(string expected, string? header) =>
        Assert.False(Security.DashboardToken.Matches(expected, header));

    [Fact]
    public async Task OrleansDashboardNeedsTheTokenAndABrowserIsAskedForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var path in new[] { "/orleans/", "/orleans/DashboardCounters" })
        {
            using var open = await server.Http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, open.StatusCode);
            Assert.Contains("Basic", open.Headers.WwwAuthenticate.ToString());
            Assert.Contains("Orleans' dashboard needs the token", await ErrorBody.ReadAsync(open));
        }
        foreach (var header in new[] { new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + TokenDashboardServer.Secret))),
            new AuthenticationHeaderValue("Bearer", TokenDashboardServer.Secret) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/") { Headers = { Authorization = header } };
            using var response = await server.Http.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
