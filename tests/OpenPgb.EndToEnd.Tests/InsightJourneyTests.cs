using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// Issue 14's journey in Chromium, with axe on every page (at 1280 px, and the report and the signal at 320 px too):
/// an employee opens the spend report and downloads its workbook (whose totals are the screen's), opens the demo's
/// risk signal and blocks the provider in one step; the budget holder reads the forecast line on "Mijn budget".
/// </summary>
public sealed class InsightJourneyTests(BrowserFixture browser, PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private Uri Base => portal.Server.BaseAddress;

    [Fact]
    public async Task Employee_ReadsTheReport_DownloadsIt_BlocksOnASignal_AndTheHolderSeesTheForecast()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.LoginAsync(Base, "medewerker.amsterdam");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Rapportage", Exact = true }).ClickAsync();
        await CheckAsync(page, 1280);
        var screenPaid = Euros(await page.Locator("[data-testid=spend-table] tr[data-code=totaal] td").Nth(2).TextContentAsync());
        screenPaid.ShouldBeGreaterThan(0, "the demo paid a claim this month");
        (await page.GetByTestId("spend-chart").GetAttributeAsync("role")).ShouldBe("img");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-excel").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        await using var workbook = File.OpenRead((await download.PathAsync())!);
        var rows = (await MiniExcel.QueryAsync(workbook, useHeaderRow: true, sheetName: SpendReportFiles.CareFunctionSheet, excelType: ExcelType.XLSX)).Cast<IDictionary<string, object>>().ToList();
        var total = rows.Single(r => (string)r[SpendReportFiles.CodeColumn] == SpendReportFiles.TotalRow);
        ((long)(Convert.ToDecimal(total[SpendReportFiles.PaidColumn], CultureInfo.InvariantCulture) * 100m)).ShouldBe(screenPaid, "the workbook's total is the screen's");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Risicosignalen", Exact = true }).ClickAsync();
        await CheckAsync(page, 1280);
        await page.Locator("[data-testid=signals] tr[data-indicator=IBAN_GEDEELD] a").ClickAsync();
        await CheckAsync(page, 1280);
        (await page.GetByTestId("signal-description").TextContentAsync())!.ShouldContain("…4300");
        var signalUrl = page.Url;
        await page.GetByLabel("Betalingen blokkeren", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Reden", new() { Exact = true }).FillAsync("Rekening gedeeld met een andere zorgverlener");
        await page.GetByTestId("decide-submit").ClickAsync();
        await CheckAsync(page, 1280);
        (await page.GetByTestId("flash-success").TextContentAsync())!.ShouldContain("geblokkeerd");
        (await page.GetByTestId("signal-status").TextContentAsync()).ShouldBe("Betalingen geblokkeerd");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Betalingsblokkades", Exact = true }).ClickAsync();
        (await page.GetByTestId("blocks").TextContentAsync())!.ShouldContain("Rekening gedeeld met een andere zorgverlener");

        // The same pages on a phone: no violations, nothing scrolling sideways.
        await using (var phone = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } }))
        {
            var small = await phone.NewPageAsync();
            await small.LoginAsync(Base, "medewerker.amsterdam");
            foreach (var url in new[] { new Uri(Base, "/verstrekker/rapportage?zorgfunctie=06").ToString(), signalUrl })
            {
                await small.GotoAsync(url);
                await CheckAsync(small, 320);
            }
        }

        await using var holderContext = await browser.Browser.NewContextAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, "budgethouder");
        await CheckAsync(holder, 1280);
        var line = holder.Locator("[data-testid^=forecast-line-]").First;
        (await line.TextContentAsync())!.ShouldStartWith("Bij dit tempo ");
    }

    private static async Task CheckAsync(IPage page, int width)
    {
        (await page.WcagViolationsAsync(width)).ShouldBeEmpty();
        if (width == 320)
        {
            (await page.ScrollsSidewaysAsync()).ShouldBeNull();
        }
    }

    private static long Euros(string? text)
    {
        Money.TryParseEuro(text, out var cents).ShouldBeTrue(text);
        return cents;
    }
}
