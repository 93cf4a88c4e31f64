using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Core.Reports;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Reports;

/// <summary>
/// The spend report on both providers the README names: its figures are the ledger's and the budget holder's own
/// page's to the cent, months add up to the year, the drill-down adds up to its parent, the files carry the same
/// figures, and nobody sees another grantor's report.
/// </summary>
public sealed class SpendReportTests
{
    // The world's 501: care function 02 from 1 April 2026 to 31 March 2027 (12,500.00), 03 over 2026 (8,000.00).
    private const long Granted02In2026 = 1_250_000L * 275 / 365;

    [Theory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task YearReport_EqualsTheLedgerAndTheHoldersPage_ToTheCent(string provider)
    {
        await using var db = provider == "Sqlite" ? await TestDatabase.CreateSqliteAsync() : await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        var claims = await BookClaimsAsync(world);

        var report = await ReportAsync(world, ReportPeriod.Year(2026));

        var holderPage = await HolderPositionsAsync(world, 2026);
        report.CareFunctions.Select(c => c.CareFunctionCode).ShouldBe(["02", "03"]);
        foreach (var row in report.CareFunctions)
        {
            var position = holderPage.Single(p => p.CareFunctionCode == row.CareFunctionCode);
            row.Figures.ShouldBe(new SpendFigures(position.GrantedCents, position.CommittedCents, position.SpentCents), $"care function {row.CareFunctionCode}");
        }

        var f02 = report.CareFunctions[0].Figures;
        f02.ShouldBe(new SpendFigures(Granted02In2026, claims.ReturnedCents + claims.CommittedCents, claims.PaidCents));
        f02.RemainingCents.ShouldBe(Granted02In2026 - 7_000 - 5_250 - 10_500);
        report.CareFunctions[1].Figures.ShouldBe(new SpendFigures(800_000, 0, 0));
        report.Total.ShouldBe(new SpendFigures(Granted02In2026 + 800_000, 12_250, 10_500));
    }

    [Fact]
    public async Task Months_AddUpToTheYear_AndTheDrillDownAddsUpToItsParent()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        await BookClaimsAsync(world);

        var year = await ReportAsync(world, ReportPeriod.Year(2026));
        var months = new List<SpendReport>();
        for (var month = 1; month <= 12; month++)
        {
            months.Add(await ReportAsync(world, ReportPeriod.Month(2026, month)));
        }

        foreach (var row in year.CareFunctions)
        {
            months.SelectMany(m => m.CareFunctions).Where(c => c.CareFunctionCode == row.CareFunctionCode).Select(c => c.Figures)
                .Aggregate(SpendFigures.Zero, SpendFigures.Add).ShouldBe(row.Figures, $"the twelve months of {row.CareFunctionCode}");
        }

        months[0].CareFunctions.Select(c => c.CareFunctionCode).ShouldBe(["03"], "care function 02 starts in April");
        months[7].CareFunctions.Single(c => c.CareFunctionCode == "02").Figures.ShouldBe(new SpendFigures((Granted02In2026 * 153 / 275) - (Granted02In2026 * 122 / 275), 7_000, 0), "August: the returned claim is committed again");
        (await ReportAsync(world, ReportPeriod.Quarter(2026, 3))).Period.Label.ShouldBe("3e kwartaal 2026");

        await using var scope = world.ScopeOf(world.Employee);
        var service = scope.ServiceProvider.GetRequiredService<SpendReportService>();
        var budgets = await service.BudgetsAsync(world.Grantor.Id, ReportPeriod.Year(2026), "02", CancellationToken.None);
        var budget = budgets.ShouldHaveSingleItem();
        budget.Figures.ShouldBe(year.CareFunctions[0].Figures);
        budget.BudgetKey.ShouldBe("B2026000001");
        budget.HolderName.ShouldNotBeNullOrWhiteSpace();

        var lines = await service.ClaimsAsync(world.Grantor.Id, ReportPeriod.Year(2026), budget.GrantId, "02", CancellationToken.None);
        lines.Select(c => c.Status).ShouldBe([ClaimStatus.Rejected, ClaimStatus.Returned, ClaimStatus.Paid, ClaimStatus.Approved, ClaimStatus.Submitted]);
        lines.Where(c => c.Status is ClaimStatus.Returned or ClaimStatus.Approved).Sum(c => c.AmountCents).ShouldBe(budget.Figures.CommittedCents);
        lines.Where(c => c.Status == ClaimStatus.Paid).Sum(c => c.AmountCents).ShouldBe(budget.Figures.PaidCents);
        lines.ShouldAllBe(c => c.ProviderNumber == "ZV10000001");
    }

    [Fact]
    public async Task Files_CarryTheScreensFigures_AndTheWorkbookReadsBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        await BookClaimsAsync(world);
        var report = await ReportAsync(world, ReportPeriod.Year(2026));

        using var csv = new MemoryStream();
        await SpendReportFiles.WriteCsvAsync(report, csv, CancellationToken.None);
        System.Text.Encoding.UTF8.GetString(csv.ToArray()).ShouldBe(
            $"""
            zorgfunctie;toegekend_centen;gecommitteerd_centen;betaald_centen;resterend_centen
            02;{Granted02In2026};12250;10500;{Granted02In2026 - 22_750}
            03;800000;0;0;800000
            totaal;{Granted02In2026 + 800_000};12250;10500;{Granted02In2026 + 800_000 - 22_750}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        await using var scope = world.ScopeOf(world.Employee);
        var budgets = await scope.ServiceProvider.GetRequiredService<SpendReportService>().BudgetsAsync(world.Grantor.Id, report.Period, null, CancellationToken.None);
        using var xlsx = new MemoryStream();
        await SpendReportFiles.WriteExcelAsync(report, budgets, db.Clock.GetUtcNow(), xlsx, CancellationToken.None);

        xlsx.Position = 0;
        MiniExcel.GetSheetNames(xlsx).ShouldBe([SpendReportFiles.ReportSheet, SpendReportFiles.CareFunctionSheet, SpendReportFiles.BudgetSheet]);
        var rows = (await MiniExcel.QueryAsync(xlsx, useHeaderRow: true, sheetName: SpendReportFiles.CareFunctionSheet)).Cast<IDictionary<string, object>>().ToList();
        var total = rows.Single(r => (string)r[SpendReportFiles.CodeColumn] == SpendReportFiles.TotalRow);
        Cents(total[SpendReportFiles.GrantedColumn]).ShouldBe(report.Total.GrantedCents);
        Cents(total[SpendReportFiles.CommittedColumn]).ShouldBe(report.Total.CommittedCents);
        Cents(total[SpendReportFiles.PaidColumn]).ShouldBe(report.Total.PaidCents);
        Cents(total[SpendReportFiles.RemainingColumn]).ShouldBe(report.Total.RemainingCents);
        var budgetRows = (await MiniExcel.QueryAsync(xlsx, useHeaderRow: true, sheetName: SpendReportFiles.BudgetSheet)).Cast<IDictionary<string, object>>().ToList();
        budgetRows.Sum(r => Cents(r[SpendReportFiles.PaidColumn])).ShouldBe(report.Total.PaidCents);
        var about = (await MiniExcel.QueryAsync(xlsx, useHeaderRow: true, sheetName: SpendReportFiles.ReportSheet)).Cast<IDictionary<string, object>>().Single();
        about[SpendReportFiles.FromColumn].ShouldBe(new DateTime(2026, 1, 1));

        // The money cells are numbers with a money format, not text: the reader's Excel can add them up.
        xlsx.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        (await styles.ReadToEndAsync()).ShouldContain("formatCode=\"€ #,##0.00;[Red]-€ #,##0.00\"");
    }

    [Fact]
    public async Task OnlyTheGrantorsOwnStaffAndOperators_SeeItsReport()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        await BookClaimsAsync(world);
        var other = await db.AddGrantorAsync("0599");
        var stranger = Actor.Employee("user-0599", "A. Ander", other.Id);

        foreach (var actor in new[] { stranger, world.Holder, world.ProviderUser })
        {
            await using var scope = world.ScopeOf(actor);
            var service = scope.ServiceProvider.GetRequiredService<SpendReportService>();
            await Should.ThrowAsync<NotVisibleException>(() => service.CareFunctionsAsync(world.Grantor.Id, ReportPeriod.Year(2026), CancellationToken.None));
            await Should.ThrowAsync<NotVisibleException>(() => service.BudgetsAsync(world.Grantor.Id, ReportPeriod.Year(2026), null, CancellationToken.None));
            await Should.ThrowAsync<NotVisibleException>(() => service.ClaimsAsync(world.Grantor.Id, ReportPeriod.Year(2026), world.GrantId, "02", CancellationToken.None));
        }

        await using (var scope = world.ScopeOf(stranger))
        {
            // Its own report is empty: the other grantor's budgets and claims are not in it.
            var own = await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(other.Id, ReportPeriod.Year(2026), CancellationToken.None);
            own.CareFunctions.ShouldBeEmpty();
        }

        await using (var scope = db.Scope(AccessScope.System))
        {
            var operatorView = await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(world.Grantor.Id, ReportPeriod.Year(2026), CancellationToken.None);
            operatorView.Total.PaidCents.ShouldBe(10_500);
        }
    }

    [Fact]
    public void Period_RefusesBackwardsAndOverlongPeriods_InDutch()
    {
        Should.Throw<BusinessRuleException>(() => ReportPeriod.Of(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30)))
            .Message.ShouldBe("De einddatum van de periode ligt voor de begindatum.");
        Should.Throw<BusinessRuleException>(() => ReportPeriod.Of(new DateOnly(2020, 1, 1), new DateOnly(2031, 1, 1)));
        ReportPeriod.Of(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 15)).Label.ShouldBe("1 februari 2026 t/m 15 maart 2026");
        ReportPeriod.Month(2026, 10).Label.ShouldBe("oktober 2026");
        ReportPeriod.Of(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Label.ShouldBe("2026");
    }

    [Fact]
    public void BudgetShares_OfConsecutivePeriods_AddUpToTheYearsPart()
    {
        var budget = new CareFunctionBudget("02", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 1_250_003, null);
        var years = budget.PerCalendarYear();
        foreach (var (year, _, _, amount) in years)
        {
            Enumerable.Range(1, 12).Sum(m => budget.AmountWithin(ReportPeriod.Month(year, m).From, ReportPeriod.Month(year, m).To)).ShouldBe(amount);
            Enumerable.Range(1, 4).Sum(q => budget.AmountWithin(ReportPeriod.Quarter(year, q).From, ReportPeriod.Quarter(year, q).To)).ShouldBe(amount);
        }

        budget.AmountWithin(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)).ShouldBe(1_250_003);
        budget.AmountWithin(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)).ShouldBe(0);
    }

    private static long Cents(object euros) => (long)(Convert.ToDecimal(euros, System.Globalization.CultureInfo.InvariantCulture) * 100m);

    private static async Task<SpendReport> ReportAsync(AgreementWorld world, ReportPeriod period)
    {
        await using var scope = world.ScopeOf(world.Employee);
        return await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(world.Grantor.Id, period, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<BudgetPosition>> HolderPositionsAsync(AgreementWorld world, int year)
    {
        await using var scope = world.ScopeOf(world.Holder);
        var grants = await scope.ServiceProvider.GetRequiredService<GrantQueries>().OwnGrantsAsync(world.Holder.Bsn!, CancellationToken.None);
        return [.. grants.ShouldHaveSingleItem().Positions.Where(p => p.Year == year)];
    }

    // August: returned by the bank (committed again); September: paid; October: approved, not paid yet;
    // November: submitted only; July: rejected. Only the first three are on the ledger.
    private static async Task<(long ReturnedCents, long PaidCents, long CommittedCents)> BookClaimsAsync(AgreementWorld world)
    {
        var output = Directory.CreateTempSubdirectory("openpgb-report-").FullName;
        try
        {
            var agreement = await world.ApprovedAsync();
            await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 8));
            (await world.RunPaymentsAsync(output, new DateOnly(2026, 11, 24))).Claims.ShouldBe(1);
            await using (var scope = world.Db.Scope())
            {
                var returned = await scope.ServiceProvider.GetRequiredService<BankFeedbackService>().ImportAsync(
                    BankFiles.Camt054([("20261124-D1-0363-ZV10000001", 7_000, "AC04")]), "camt.xml", "test", CancellationToken.None);
                returned.Returned.ShouldBe(1);
            }

            await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 9));
            (await world.RunPaymentsAsync(output, new DateOnly(2026, 11, 25))).Claims.ShouldBe(1);
            await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1.5m, month: 10));
            await world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 11, toDay: 20));
            var rejected = await world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 5, month: 7, toDay: 10));
            await using (var scope = world.ScopeOf(world.Holder))
            {
                await scope.ServiceProvider.GetRequiredService<ClaimService>().RejectAsync(world.Holder, rejected, "Niet geleverd", CancellationToken.None);
            }

            await using (var scope = world.Db.Scope())
            {
                (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
            }

            return (7_000, 10_500, 5_250);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
