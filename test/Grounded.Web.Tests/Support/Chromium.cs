using Microsoft.Playwright;

namespace Grounded.Web.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it), headless, driven by Playwright: never a
/// browser Playwright downloads. Where it is missing the browser tests skip with how to install it, except under CI.
/// </summary>
internal static class Chromium
{
    // Without the background-networking flags Chromium keeps dialling Google's hosts, refused on a closed network.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>Gets the browser's path: <c>GROUNDED_CHROMIUM</c>, else the first of Debian's and Ubuntu's names that exists; null when none does.</summary>
    public static string? Path { get; } = new[] { Environment.GetEnvironmentVariable("GROUNDED_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Flags });
        return (playwright, browser);
    }

    /// <summary>Skips the test (fails it under CI) when there is no browser.</summary>
    public static void Require()
    {
        if (Path is not null)
        {
            return;
        }

        const string message = "Chromium is not installed (apt-get install chromium, or set GROUNDED_CHROMIUM); ./test.sh under CI installs it";
        if (TestServices.InCi)
        {
            throw new InvalidOperationException("CI is set, so this is a failure: " + message);
        }

        Skip.If(true, message);
    }
}
