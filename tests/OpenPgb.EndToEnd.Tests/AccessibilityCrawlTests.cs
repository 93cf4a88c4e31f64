using Microsoft.Playwright;
using OpenPgb.Core.Demo;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// WCAG 2.1 AA, the law for a Dutch public service, on every kind of page each demo login reaches (found by the
/// crawler on the README's SQLite portal): axe with the WCAG 2.0/2.1 A and AA rules at 1280 px and at 320 px, no
/// violation of any impact, and no page that scrolls sideways at 320 px (1.4.10 reflow; wide tables scroll inside
/// their own focusable region).
/// </summary>
public sealed class AccessibilityCrawlTests(BrowserFixture browser, SqlitePortalServerFixture portal, ITestOutputHelper output) : IClassFixture<SqlitePortalServerFixture>
{
    // The conversion rehearsal's logins see the same page kinds as the Amsterdam ones (the tranche journey checks their pages).
    public static TheoryData<string> DemoLogins() => [.. DemoDataSeeder.Logins.Select(l => l.UserName).Where(u => !DemoConversion.IsRehearsalLogin(u)), "anoniem"];

    [Theory]
    [MemberData(nameof(DemoLogins))]
    public async Task EveryPageKind_AtDesktopAndAt320Pixels_MeetsWcag21AA(string userName)
    {
        var anonymous = userName == "anoniem";
        var pages = anonymous
            ? new Dictionary<string, string> { ["/account/inloggen"] = "/account/inloggen", ["/zorgverlener/registreren"] = "/zorgverlener/registreren", ["/account/uitloggen"] = "/account/uitloggen", ["/"] = "/" }
            : (await new PortalCrawler(portal.Server.BaseAddress).CrawlAsync(userName, submitForms: false)).Pages;
        // One signed-in page per width, each loading every URL at its own width from the start (the menu, for one,
        // folds only when a page loads narrow); the two widths are checked side by side, one renderer each.
        await using var desktop = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var phone = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var wide = await desktop.NewPageAsync();
        var narrow = await phone.NewPageAsync();
        if (!anonymous)
        {
            await Task.WhenAll(wide.LoginAsync(portal.Server.BaseAddress, userName), narrow.LoginAsync(portal.Server.BaseAddress, userName));
        }

        var problems = new List<string>();
        foreach (var url in pages.Values.Distinct(StringComparer.Ordinal))
        {
            var found = await Task.WhenAll(CheckAsync(wide, url, 1280), CheckAsync(narrow, url, 320));
            problems.AddRange(found.SelectMany(f => f));
        }

        output.WriteLine($"{userName}: {pages.Count} page kinds checked at 1280 and 320 px");
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems.Distinct(StringComparer.Ordinal)));
    }

    private async Task<IReadOnlyList<string>> CheckAsync(IPage page, string url, int width)
    {
        var response = await page.GotoAsync(new Uri(portal.Server.BaseAddress, url).ToString());
        if (response is null || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true)
        {
            return [];
        }

        var problems = new List<string>(await page.WcagViolationsAsync(width));
        if (width == 320 && await page.ScrollsSidewaysAsync() is { } overflow)
        {
            problems.Add($"{url} at 320 px: the page is {overflow} (1.4.10 reflow)");
        }

        return problems;
    }
}
