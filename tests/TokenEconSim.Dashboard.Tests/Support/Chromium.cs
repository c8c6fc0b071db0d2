using Microsoft.Playwright;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright: its own browser download cannot work here, so ExecutablePath names /usr/bin/chromium.</summary>
internal static class Chromium
{
    /// <summary>Headless, with the flags that run it as root and keep it off the network on its own account.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
}
