using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(OpenPgb.EndToEnd.Tests.Support.BrowserFixture))]

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>
/// One Chromium for the whole run (a launch costs seconds): Debian's /usr/bin/chromium through Playwright. If it is
/// missing the journeys fail; they never skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: install Debian's chromium (apt-get install -y chromium); the test command does this.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
