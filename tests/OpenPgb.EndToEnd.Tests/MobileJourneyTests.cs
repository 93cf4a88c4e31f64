using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenPgb.Core.Common;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// On a phone (390 px wide): the provider submits a claim and the budget holder approves it, through the folded
/// menu, with every page meeting WCAG 2.1 AA (axe) and none scrolling sideways. And the focus ring is visible against
/// whatever it is drawn on (1.4.11: at least 3:1).
/// </summary>
public sealed class MobileJourneyTests(BrowserFixture browser, PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private const int Width = 390;

    private Uri Base => portal.Server.BaseAddress;

    [Fact]
    public async Task ClaimApproval_OnAPhone_IsAccessibleAllTheWay()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, AmsterdamClock.Zone).DateTime);
        var day = new DateOnly(today.Year, today.Month, 1);
        const string invoice = "MOB-0001";

        await using (var providerContext = await NewPhoneAsync())
        {
            var provider = await providerContext.NewPageAsync();
            await provider.LoginAsync(Base, "zorgverlener");
            await OpenMenuItemAsync(provider, "Declaratie indienen");
            var agreement = provider.Locator("#agreement option", new() { HasTextRegex = new Regex("€ 40,00 per uur") }).First;
            await provider.GetByLabel("Zorgovereenkomst").SelectOptionAsync((await agreement.GetAttributeAsync("value"))!);
            await provider.GetByTestId("choose-agreement").ClickAsync();
            await CheckAsync(provider);
            await provider.GetByLabel("Eerste dag van de periode").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByLabel("Laatste dag van de periode (zelfde maand)").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByLabel("Aantal eenheden (uren, dagdelen, dagen)").FillAsync("1,5");
            await provider.GetByLabel("Factuurnummer").FillAsync(invoice);
            await provider.GetByLabel("Factuurdatum").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByTestId("submit-claim").ClickAsync();
            await CheckAsync(provider);
            (await provider.GetByTestId("flash-success").TextContentAsync())!.ShouldContain(invoice);
        }

        await using var holderContext = await NewPhoneAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, "budgethouder");
        await CheckAsync(holder);
        await OpenMenuItemAsync(holder, "Declaraties");
        await CheckAsync(holder);
        (await holder.GetByTestId($"waiting-{invoice}").TextContentAsync())!.ShouldContain("€ 60,00");
        await holder.GetByTestId($"approve-{invoice}").ClickAsync();
        await CheckAsync(holder);
        (await holder.GetByTestId("flash-success").TextContentAsync())!.ShouldContain("goedgekeurd");
        (await holder.GetByTestId($"claim-{invoice}").TextContentAsync())!.ShouldContain("Goedgekeurd");
    }

    [Fact]
    public async Task FocusRing_HasAtLeast3To1ContrastWhereverItIsDrawn()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LoginAsync(Base, "budgethouder");
        await page.GotoAsync(new Uri(Base, "/budgethouder/declaraties").ToString());

        // A link in the blue header, then a link and a button on the white page.
        foreach (var selector in new[] { "header a.brand", "main a", "main button" })
        {
            await page.Locator(selector).Filter(new() { Visible = true }).First.FocusAsync();
            var ratio = await page.EvaluateAsync<double>("""
                () => {
                  const parse = c => c.match(/[\d.]+/g).slice(0, 4).map(Number);
                  const luminance = ([r, g, b]) => {
                    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                  };
                  const element = document.activeElement;
                  const ring = parse(getComputedStyle(element).outlineColor);
                  let node = element.parentElement, background = [255, 255, 255];
                  while (node) {
                    const c = parse(getComputedStyle(node).backgroundColor);
                    if (c.length < 4 || c[3] > 0) { background = c; break; }
                    node = node.parentElement;
                  }
                  const [a, b] = [luminance(ring), luminance(background)].sort((x, y) => y - x);
                  return (a + 0.05) / (b + 0.05);
                }
                """);
            ratio.ShouldBeGreaterThanOrEqualTo(3, $"focus ring on {selector}");
        }
    }

    [Fact]
    public async Task IdleSession_IsWarnedTwoMinutesBeforeItEnds_AndOneClickKeepsIt()
    {
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.LoginAsync(Base, "budgethouder");
        var warning = page.GetByTestId("session-warning");
        (await warning.IsVisibleAsync()).ShouldBeFalse();

        // The demo's idle timeout is 20 minutes: at 18 the warning shows, focus on its button.
        await page.Clock.FastForwardAsync("18:01");
        (await warning.IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-testid')")).ShouldBe("session-keep");
        await CheckAsync(page);

        await page.GetByTestId("session-keep").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('sessie-waarschuwing').hidden");
        await page.Clock.FastForwardAsync("17:00");
        (await warning.IsVisibleAsync()).ShouldBeFalse("the timer started again from the click");
    }

    private async Task<IBrowserContext> NewPhoneAsync() =>
        await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = 844 }, IsMobile = true, HasTouch = true });

    private static async Task OpenMenuItemAsync(IPage page, string item)
    {
        var toggle = page.GetByTestId("menu-toggle");
        (await toggle.IsVisibleAsync()).ShouldBeTrue("on a phone the menu folds behind a button");
        await toggle.ClickAsync();
        (await toggle.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        (await page.WcagViolationsAsync(Width)).ShouldBeEmpty();
        (await page.ScrollsSidewaysAsync()).ShouldBeNull();
    }
}
