using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenPgb.Core.Common;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

public sealed class ClaimJourneyOnPostgresTests(BrowserFixture browser, PortalServerFixture portal) : ClaimJourneyTests<PortalServerFixture>(browser, portal);

public sealed class ClaimJourneyOnSqliteTests(BrowserFixture browser, SqlitePortalServerFixture portal) : ClaimJourneyTests<SqlitePortalServerFixture>(browser, portal);

/// <summary>
/// In Chromium, money moving end to end: the provider submits a claim on the demo's approved agreement, the budget
/// holder approves it, an operator starts a payment run, the provider sees the payment with its specification, and the
/// holder's remaining budget has dropped by exactly the claim. axe checks every page on the way. Runs on PostgreSQL and on
/// the README's embedded SQLite.
/// </summary>
public abstract class ClaimJourneyTests<TPortal>(BrowserFixture browser, TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalServerFixture
{
    private Uri Base => portal.Server.BaseAddress;

    [Fact]
    public async Task Claim_SubmittedApprovedAndPaid_ProviderSeesThePayment_HolderBudgetDrops()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, AmsterdamClock.Zone).DateTime);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        const string invoice = "E2E-2026-0001";

        await using var holderContext = await browser.Browser.NewContextAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, "budgethouder");
        var remainingBefore = await EuroAsync(holder.GetByTestId("grant-remaining").First);
        var spentBefore = await EuroAsync(holder.GetByTestId("grant-spent").First);

        await using (var providerContext = await browser.Browser.NewContextAsync())
        {
            var provider = await providerContext.NewPageAsync();
            await provider.LoginAsync(Base, "zorgverlener");
            await provider.GetByRole(AriaRole.Link, new() { Name = "Declaraties en betalingen", Exact = true }).ClickAsync();
            await provider.AssertAccessibleAsync();
            await provider.GetByTestId("new-claim").ClickAsync();
            await provider.AssertAccessibleAsync();
            var agreement = provider.Locator("#agreement option", new() { HasTextRegex = new Regex("€ 40,00 per uur") }).First;
            await provider.GetByLabel("Zorgovereenkomst").SelectOptionAsync((await agreement.GetAttributeAsync("value"))!);
            await provider.GetByTestId("choose-agreement").ClickAsync();
            await provider.AssertAccessibleAsync();
            await provider.GetByLabel("Eerste dag van de periode").FillAsync(firstOfMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByLabel("Laatste dag van de periode (zelfde maand)").FillAsync(firstOfMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByLabel("Aantal eenheden (uren, dagdelen, dagen)").FillAsync("2");
            await provider.GetByLabel("Factuurnummer").FillAsync(invoice);
            await provider.GetByLabel("Factuurdatum").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await provider.GetByTestId("submit-claim").ClickAsync();
            await provider.AssertAccessibleAsync();
            var refusals = provider.Locator("[data-testid=claim-refused], [data-testid=error-summary]");
            (await refusals.CountAsync()).ShouldBe(0, string.Join(" | ", await refusals.AllTextContentsAsync()));
            (await provider.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain($"Declaratie {invoice} is ingediend");
            (await provider.GetByTestId($"claim-{invoice}").TextContentAsync())!.ShouldContain("Wacht op budgethouder");
        }

        await holder.GetByRole(AriaRole.Link, new() { Name = "Declaraties", Exact = true }).ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId($"waiting-{invoice}").TextContentAsync())!.ShouldContain("€ 80,00");
        await holder.GetByTestId($"approve-{invoice}").ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId($"claim-{invoice}").TextContentAsync())!.ShouldContain("Goedgekeurd");

        await using (var operatorContext = await browser.Browser.NewContextAsync())
        {
            var operatorPage = await operatorContext.NewPageAsync();
            await operatorPage.LoginAsync(Base, "operator");
            await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Betaalruns" }).ClickAsync();
            await operatorPage.AssertAccessibleAsync();
            await operatorPage.GetByTestId("start-run").ClickAsync();
            await operatorPage.AssertAccessibleAsync();

            // The run goes on in the background; the page follows it in its live region.
            await Assertions.Expect(operatorPage.GetByTestId("run-progress")).ToContainTextAsync("uitgevoerd", new() { Timeout = 60_000 });
            await operatorPage.GetByTestId("refresh-runs").ClickAsync();
            var file = await operatorContext.APIRequest.GetAsync(new Uri(Base, (await operatorPage.GetByRole(AriaRole.Link, new() { Name = "pain.001" }).First.GetAttributeAsync("href"))!).ToString());
            file.Status.ShouldBe(200);
            (await file.TextAsync()).ShouldContain("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        }

        await using (var providerContext = await browser.Browser.NewContextAsync())
        {
            var provider = await providerContext.NewPageAsync();
            await provider.LoginAsync(Base, "zorgverlener");
            await provider.GotoAsync(new Uri(Base, "/zorgverlener/declaraties").ToString());
            await provider.AssertAccessibleAsync();
            (await provider.GetByTestId($"claim-{invoice}").TextContentAsync())!.ShouldContain("Betaald");
            var payment = provider.Locator("section", new() { HasText = invoice });
            (await payment.TextContentAsync())!.ShouldContain("€ 80,00");
        }

        await holder.GotoAsync(new Uri(Base, "/budgethouder").ToString());
        await holder.AssertAccessibleAsync();
        (remainingBefore - await EuroAsync(holder.GetByTestId("grant-remaining").First)).ShouldBe(8_000);
        (await EuroAsync(holder.GetByTestId("grant-spent").First) - spentBefore).ShouldBe(8_000);
    }

    private static async Task<long> EuroAsync(ILocator locator)
    {
        var text = (await locator.TextContentAsync())!.Replace('\u00a0', ' ').Trim();
        Money.TryParseEuro(text, out var cents).ShouldBeTrue(text);
        return cents;
    }
}
