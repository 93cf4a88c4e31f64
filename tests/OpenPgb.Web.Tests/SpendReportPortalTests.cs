using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>The spend report's pages on PostgreSQL.</summary>
public sealed class SpendReportPortalOnPostgresTests(OpenPgbWebFactory factory) : SpendReportPortalTests<OpenPgbWebFactory>(factory);

/// <summary>The spend report's pages on embedded SQLite, the database of the README's run command.</summary>
public sealed class SpendReportPortalOnSqliteTests(SqliteWebFactory factory) : SpendReportPortalTests<SqliteWebFactory>(factory);

/// <summary>
/// The spend report as a grantor employee and an operator use it: the screen shows the service's (the ledger's)
/// figures, the downloads carry the screen's totals, the drill-down reaches one budget's claims and logs who looked,
/// wrong dates are refused on their field, and another grantor's budget is not there.
/// </summary>
public abstract class SpendReportPortalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OpenPgbWebFactory
{
    [Fact]
    public async Task Employee_SeesTheLedgersFigures_AndTheDownloadsCarryTheScreensTotals()
    {
        var year = ReportPeriod.Year(factory.Clock.GetUtcNow().Year);
        var expected = await ExpectedAsync("0363", year);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var (status, page) = await client.GetPageAsync("/verstrekker/rapportage");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=report-period]")!.TextContent.ShouldBe(year.Label);
        foreach (var row in expected.CareFunctions)
        {
            Figures(page, row.CareFunctionCode).ShouldBe(row.Figures, $"care function {row.CareFunctionCode}");
        }

        var screenTotal = Figures(page, "totaal");
        screenTotal.ShouldBe(expected.Total);
        screenTotal.PaidCents.ShouldBeGreaterThan(0, "the demo has paid claims");
        var chart = page.QuerySelector("[data-testid=spend-chart]")!;
        chart.GetAttribute("role").ShouldBe("img");
        chart.QuerySelectorAll("svg.chart-bar").Length.ShouldBe(expected.CareFunctions.Count);

        var excelLink = page.QuerySelector("[data-testid=download-excel]")!.GetAttribute("href")!;
        using var excel = await client.Http.GetAsync(new Uri(WebUtility.HtmlDecode(excelLink), UriKind.Relative));
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        excel.Content.Headers.ContentType!.MediaType.ShouldBe(SpendReportFiles.ExcelContentType);
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var rows = (await MiniExcel.QueryAsync(workbook, useHeaderRow: true, sheetName: SpendReportFiles.CareFunctionSheet)).Cast<IDictionary<string, object>>().ToList();
        var total = rows.Single(r => (string)r[SpendReportFiles.CodeColumn] == SpendReportFiles.TotalRow);
        new SpendFigures(Cents(total[SpendReportFiles.GrantedColumn]), Cents(total[SpendReportFiles.CommittedColumn]), Cents(total[SpendReportFiles.PaidColumn]))
            .ShouldBe(screenTotal, "the workbook's totals are the screen's");
        Cents(total[SpendReportFiles.RemainingColumn]).ShouldBe(screenTotal.RemainingCents);

        var csv = await client.Http.GetStringAsync(new Uri(WebUtility.HtmlDecode(page.QuerySelector("[data-testid=download-csv]")!.GetAttribute("href")!), UriKind.Relative));
        csv.Split('\n')[0].ShouldBe(SpendReportFiles.CsvHeader);
        csv.Split('\n').Single(l => l.StartsWith("totaal;", StringComparison.Ordinal))
            .ShouldBe(string.Join(';', "totaal", screenTotal.GrantedCents, screenTotal.CommittedCents, screenTotal.PaidCents, screenTotal.RemainingCents));
    }

    [Fact]
    public async Task DrillDown_ReachesOneBudgetsClaims_AndLogsTheRead()
    {
        var year = ReportPeriod.Year(factory.Clock.GetUtcNow().Year);
        var expected = await ExpectedAsync("0363", year);
        var paidCode = expected.CareFunctions.First(c => c.Figures.PaidCents > 0).CareFunctionCode;
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var (_, report) = await client.GetPageAsync("/verstrekker/rapportage");
        var (status, budgets) = await client.GetPageAsync(Href(report.QuerySelector($"[data-testid=spend-table] tr[data-code='{paidCode}'] a")!));
        status.ShouldBe(HttpStatusCode.OK);
        var budgetRows = budgets.QuerySelectorAll("[data-testid=budget-table] tbody tr");
        budgetRows.Length.ShouldBeGreaterThan(0);
        budgetRows.Sum(r => Euros(r.QuerySelectorAll("td")[3].TextContent)).ShouldBeLessThanOrEqualTo(expected.CareFunctions.Single(c => c.CareFunctionCode == paidCode).Figures.PaidCents);

        var paidRow = budgetRows.First(r => Euros(r.QuerySelectorAll("td")[3].TextContent) > 0);
        var (claimStatus, claims) = await client.GetPageAsync(Href(paidRow.QuerySelector("a")!));
        claimStatus.ShouldBe(HttpStatusCode.OK);
        var budgetPaid = Euros(claims.QuerySelectorAll("[data-testid=budget-figures] td")[2].TextContent);
        var claimRows = claims.QuerySelectorAll("[data-testid=claim-table] tbody tr");
        claimRows.Where(r => r.QuerySelectorAll("td")[3].TextContent == "Betaald").Sum(r => Euros(r.QuerySelectorAll("td")[4].TextContent)).ShouldBe(budgetPaid);

        var logged = await factory.QueryAsync(db => db.AccessLogEntries.CountAsync(e => e.Action == "declaraties bekeken in rapportage"));
        logged.ShouldBeGreaterThan(0, "opening a budget holder's claims is a logged read (NEN 7513)");
    }

    [Fact]
    public async Task AnotherGrantorsBudget_IsNotThere_AndWrongDatesAreRefusedOnTheirField()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");
        foreach (var code in new[] { "01", "02", "03", "99" })
        {
            (await client.Http.GetAsync(new Uri($"/verstrekker/rapportage?zorgfunctie={code}&budget={ids.UtrechtGrant}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (status, page) = await client.GetPageAsync("/verstrekker/rapportage?van=2026-13-01&tot=2026-12-31");
        status.ShouldBe(HttpStatusCode.OK);
        page.Title!.ShouldStartWith("Fout: ");
        page.GetElementById("van")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.GetElementById("van-fout")!.TextContent.ShouldContain("Vul bij 'Van' een datum in");

        (_, page) = await client.GetPageAsync("/verstrekker/rapportage?van=2026-12-01&tot=2026-01-31");
        page.GetElementById("tot")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.GetElementById("tot-fout")!.TextContent.ShouldContain("De einddatum van de periode ligt voor de begindatum.");
        page.QuerySelector("[data-testid=spend-table]").ShouldBeNull();
    }

    [Fact]
    public async Task Operator_ChoosesAGrantor_AndSeesWhatItsStaffSees()
    {
        var year = ReportPeriod.Year(factory.Clock.GetUtcNow().Year);
        var expected = await ExpectedAsync("0363", year);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var (_, choose) = await client.GetPageAsync("/beheer/rapportage");
        choose.QuerySelector("[data-testid=spend-table]").ShouldBeNull();
        choose.QuerySelectorAll("#verstrekker option").Select(o => o.GetAttribute("value")).ShouldContain("0363");

        var (status, page) = await client.GetPageAsync("/beheer/rapportage?verstrekker=0363");
        status.ShouldBe(HttpStatusCode.OK);
        Figures(page, "totaal").ShouldBe(expected.Total);
        page.QuerySelector("[data-testid=download-excel]")!.GetAttribute("href")!.ShouldContain("verstrekker=0363");

        (_, page) = await client.GetPageAsync("/beheer/rapportage?verstrekker=9999");
        page.GetElementById("verstrekker-fout")!.TextContent.ShouldContain("Kies een verstrekker");
    }

    private async Task<SpendReport> ExpectedAsync(string grantorCode, ReportPeriod period)
    {
        await using var scope = factory.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.OpenPgbDbContext>();
        var grantorId = await db.Grantors.Where(g => g.Code == grantorCode).Select(g => g.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(grantorId, period, CancellationToken.None);
    }

    private static SpendFigures Figures(IHtmlDocument page, string code)
    {
        var cells = page.QuerySelectorAll($"[data-testid=spend-table] tr[data-code='{code}'] td").Select(c => Euros(c.TextContent)).ToList();
        cells.Count.ShouldBe(4, $"the row of {code}");
        var figures = new SpendFigures(cells[0], cells[1], cells[2]);
        figures.RemainingCents.ShouldBe(cells[3], $"remaining of {code}");
        return figures;
    }

    private static string Href(AngleSharp.Dom.IElement link) => WebUtility.HtmlDecode(link.GetAttribute("href")!);

    private static long Euros(string text)
    {
        Money.TryParseEuro(text.Replace("(tekort)", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim(), out var cents).ShouldBeTrue(text);
        return text.Contains('-', StringComparison.Ordinal) ? -cents : cents;
    }

    private static long Cents(object euros) => (long)(Convert.ToDecimal(euros, CultureInfo.InvariantCulture) * 100m);
}
