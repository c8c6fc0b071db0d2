using Microsoft.Playwright;
using TokenEconSim.Dashboard.Runs;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>
/// The dashboard server and Debian's Chromium driven by Playwright (its own browser download cannot
/// work here: ExecutablePath points at /usr/bin/chromium). Screenshots go to <see cref="Screenshots"/>.
/// </summary>
public sealed class BrowserServer : DashboardServer
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The runs' launcher, which can hold a run while a page watches it.</summary>
    public HeldLauncher Launcher { get; } = new();

    protected override Func<IRunLauncher, IRunLauncher> WrapLauncher => Launcher.Wrap;

    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
        var chromium = Tools.Find("chromium");
        if (chromium is null) return; // the test skips, naming the missing tool
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright, chromium);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
