using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests.Support;

public static class PageChecks
{
    /// <summary>Runs axe on the page; no violation of impact serious or critical is allowed.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        severe.ShouldBeEmpty(string.Join("; ", severe.Select(v => $"{v.Id} ({v.Impact}) on {page.Url}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    public static async Task LoginAsync(this IPage page, Uri baseAddress, string userName)
    {
        await page.GotoAsync(new Uri(baseAddress, "/account/inloggen").ToString());
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
        await page.GetByLabel("Wachtwoord").FillAsync(OpenPgb.Core.Demo.DemoDataSeeder.DemoPassword);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/inloggen", StringComparison.Ordinal));
        if (response.Status != 302)
        {
            var alert = await page.Locator(".alert-error").AllTextContentsAsync();
            throw new InvalidOperationException($"Login of {userName} answered {response.Status}: {string.Join(' ', alert)}");
        }

        await page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
    }
}
