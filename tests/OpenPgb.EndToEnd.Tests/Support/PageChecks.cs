using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests.Support;

public static class PageChecks
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Every axe violation of the WCAG 2.0 and 2.1 A and AA rules, whatever its impact, one line each.</summary>
    public static async Task<IReadOnlyList<string>> WcagViolationsAsync(this IPage page, int width)
    {
        var result = await page.RunAxe(Wcag21AA);
        var path = new Uri(page.Url).PathAndQuery;
        return [.. result.Violations.Select(v => $"{path} at {width} px: {v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))}")];
    }

    /// <summary>When the page is wider than the window (it scrolls sideways): its width and the first element sticking out; otherwise null.</summary>
    public static async Task<string?> ScrollsSidewaysAsync(this IPage page) =>
        await page.EvaluateAsync<string?>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width + 1) return null;
              const culprit = [...document.body.querySelectorAll('*')].find(e => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.closest('.table-scroll, pre') && getComputedStyle(e).position !== 'absolute'));
              const name = culprit ? culprit.tagName.toLowerCase() + (culprit.id ? '#' + culprit.id : '') + (culprit.className ? '.' + String(culprit.className).replace(/ /g, '.') : '') : '?';
              return document.documentElement.scrollWidth + ' px, widest: ' + name;
            }
            """);

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
