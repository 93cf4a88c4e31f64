using System.Globalization;
using Microsoft.Playwright;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Demo;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

public sealed class TrancheJourneyOnPostgresTests(BrowserFixture browser, PortalServerFixture portal) : TrancheJourneyTests<PortalServerFixture>(browser, portal);

public sealed class TrancheJourneyOnSqliteTests(BrowserFixture browser, SqlitePortalServerFixture portal) : TrancheJourneyTests<SqlitePortalServerFixture>(browser, portal);

/// <summary>
/// In Chromium, a tranche as the README walks it, on the demo's two municipalities still on PGB1 and the files of
/// <c>openpgb demo conversion</c>: the operator makes the tranche, uploads each export and the grantor's 501s, and
/// compares; Rotterdam's employee opens a difference from their work tasks and finds the report; the operator sends
/// the corrections, runs the trial, freezes, converts and sets the live date; the budget holder then sees the history
/// carried over, with paid and approved totals equal to the old system's. axe checks every page on the way.
/// </summary>
public abstract class TrancheJourneyTests<TPortal>(BrowserFixture browser, TPortal portal) : IClassFixture<TPortal>, IAsyncLifetime
    where TPortal : PortalServerFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openpgb-e2e-tranche-").FullName;

    private Uri Base => portal.Server.BaseAddress;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Operator_ConvertsATranche_GrantorFixesDifferences_BudgetHolderSeesTheHistory()
    {
        var today = TimeProvider.System.Today();
        var written = (await DemoConversion.WriteAsync(_directory, today, 6, CancellationToken.None)).ToDictionary(w => w.Code, w => w.Files);
        var rotterdam = written["0599"];

        await using var operatorContext = await browser.Browser.NewContextAsync();
        var op = await operatorContext.NewPageAsync();
        await op.LoginAsync(Base, "operator");
        await op.GetByRole(AriaRole.Link, new() { Name = "Tranches", Exact = true }).ClickAsync();
        await op.AssertAccessibleAsync();
        await op.GetByLabel("Naam").FillAsync("Tranche generale repetitie");
        await op.GetByLabel("Bevriesdatum").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await op.GetByTestId("tranche-grantor-0599").CheckAsync();
        await op.GetByTestId("tranche-grantor-0518").CheckAsync();
        await op.GetByTestId("tranche-add").ClickAsync();
        await op.AssertAccessibleAsync();
        await Assertions.Expect(op.GetByTestId("flash-success")).ToContainTextAsync("2 verstrekkers");
        await Assertions.Expect(op.GetByTestId("state-0518")).ToHaveTextAsync("gepland");

        foreach (var (code, files) in written)
        {
            await op.GotoAsync(new Uri(Base, $"/beheer/tranches/{code}").ToString());
            await op.AssertAccessibleAsync();
            await UploadAsync(op, "export", files.ExportDirectory + ".zip", "export is opgeslagen");
            await UploadAsync(op, "messages", files.GrantsDirectory + ".zip", "berichten goedgekeurd");
            await op.GetByTestId("step-compare").ClickAsync();
            await Assertions.Expect(op.GetByTestId("flash-success")).ToContainTextAsync("4 verschillen");
            await op.AssertAccessibleAsync();
        }

        await op.GotoAsync(new Uri(Base, "/beheer/tranches").ToString());
        await Assertions.Expect(op.GetByTestId("differences-0599")).ToHaveTextAsync("4");
        await Assertions.Expect(op.GetByTestId("state-0599")).ToHaveTextAsync("vergeleken");

        await using (var employeeContext = await browser.Browser.NewContextAsync())
        {
            var employee = await employeeContext.NewPageAsync();
            await employee.LoginAsync(Base, "medewerker.rotterdam");
            await employee.GetByRole(AriaRole.Link, new() { Name = "Werktaken", Exact = true }).ClickAsync();
            await employee.AssertAccessibleAsync();
            await employee.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Conversieverschil BEDRAG") }).First.ClickAsync();
            await employee.WaitForURLAsync(url => url.Contains("/verstrekker/conversie#verschil-", StringComparison.Ordinal));
            await employee.AssertAccessibleAsync();
            (await employee.GetByTestId("differences").Locator("tbody tr").CountAsync()).ShouldBe(4);
            await Assertions.Expect(employee.GetByTestId("tranche-state")).ToContainTextAsync("vergeleken");
            var download = await employee.RunAndWaitForDownloadAsync(() => employee.GetByTestId("report-Compare").ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".xlsx");
        }

        await op.GotoAsync(new Uri(Base, "/beheer/tranches/0599").ToString());
        await UploadAsync(op, "messages", rotterdam.CorrectionsDirectory + ".zip", "berichten goedgekeurd");
        await op.GetByTestId("step-compare").ClickAsync();
        await Assertions.Expect(op.GetByTestId("flash-success")).ToContainTextAsync("1 verschil");
        await op.GetByTestId("step-trial").ClickAsync();
        await Assertions.Expect(op.GetByTestId("flash-success")).ToContainTextAsync("Proefconversie geslaagd");
        await op.AssertAccessibleAsync();
        await op.GetByTestId("step-freeze").ClickAsync();
        await Assertions.Expect(op.GetByTestId("grantor-state")).ToHaveTextAsync("bevroren");
        await op.GetByTestId("step-run").ClickAsync();
        await Assertions.Expect(op.GetByTestId("flash-success")).ToContainTextAsync("Geconverteerd en aangesloten");
        await op.AssertAccessibleAsync();
        await op.GetByTestId("step-live").ClickAsync();
        await Assertions.Expect(op.GetByTestId("grantor-state")).ToHaveTextAsync("live");
        await op.AssertAccessibleAsync();

        // The budget holder: the old system's history, marked, with its totals.
        var (paid, approved) = Pgb1Totals(rotterdam.ExportDirectory, rotterdam.FirstBudgetHolderBsn);
        await using var holderContext = await browser.Browser.NewContextAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, DemoConversion.CitizenLogin);
        await holder.AssertAccessibleAsync();
        await Assertions.Expect(holder.GetByTestId("grant-spent").First).ToHaveTextAsync(Money.FormatEuro(paid));
        await Assertions.Expect(holder.GetByTestId("grant-committed").First).ToHaveTextAsync(Money.FormatEuro(approved));
        await holder.GetByRole(AriaRole.Link, new() { Name = "Declaraties", Exact = true }).ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId("carried-over").CountAsync()).ShouldBeGreaterThan(10);
        await holder.GetByRole(AriaRole.Link, new() { Name = "Zorgovereenkomsten", Exact = true }).ClickAsync();
        await Assertions.Expect(holder.GetByTestId("carried-over").First).ToContainTextAsync("uit PGB1");
    }

    private static async Task UploadAsync(IPage page, string field, string zip, string expected)
    {
        await page.GetByTestId($"{field}-upload").SetInputFilesAsync(zip);
        await page.GetByTestId($"{field}-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash-success")).ToContainTextAsync(expected);
    }

    /// <summary>What PGB1 paid (BET) and approved (GOED) for one budget holder, straight from the export's files.</summary>
    private static (long Paid, long Approved) Pgb1Totals(string export, string bsn)
    {
        var agreements = File.ReadLines(Path.Combine(export, Pgb1ExportReader.AgreementsFile)).Skip(1)
            .Select(l => l.Split(';')).Where(f => f[1] == bsn).Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        var claims = File.ReadLines(Path.Combine(export, Pgb1ExportReader.ClaimsFile)).Skip(1)
            .Select(l => l.Split(';')).Where(f => f.Length > 7 && agreements.Contains(f[1])).ToList();
        long Sum(string status) => claims.Where(f => f[7] == status).Sum(f => long.Parse(f[6], CultureInfo.InvariantCulture));
        return (Sum("BET"), Sum("GOED"));
    }
}
