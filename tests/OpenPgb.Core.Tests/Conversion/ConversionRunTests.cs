using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Parties;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Conversion;

/// <summary>
/// Trial and run of a grantor's conversion (CONVERSION.md) on the small hand-made export: what is carried over, the
/// reconciliation, nothing kept by a trial or a refusal, a second run that changes nothing, and a payment run after it
/// that pays the GOED claim and nothing historic. Run on both providers the README names.
/// </summary>
public abstract class ConversionRunTests : IAsyncLifetime
{
    private readonly List<string> _directories = [];

    protected TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await CreateDatabaseAsync();
        await using var scope = Db.Scope();
        await scope.ServiceProvider.GetRequiredService<GrantorService>().AddAsync(Pgb1ExportFiles.Grantor, "Gemeente Amsterdam", GrantorKind.Municipality, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Db.DisposeAsync();
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Run_CarriesEverythingOver_ReconciledToTheCent_AndASecondRunChangesNothing()
    {
        await ReceiveMatchingGrantAsync();

        var report = await ConvertAsync(trial: false);

        report.Findings.ShouldBeEmpty();
        report.Summary.ShouldBe(new ConversionSummary(Pgb1ExportFiles.Grantor, ConversionStatuses.Converted, 1, 1, 1, 2, 0, 2, 5, 2, 92_500, 20_000, 11_250, 0, 0));
        report.Reconciliation.ShouldBe(
        [
            new ReconciliationRow("111222333", "02", 2026, 92_500, 92_500, 0, 0),
            new ReconciliationRow("111222333", "03", 2026, 0, 0, 20_000, 20_000),
        ]);
        report.Stragglers.ShouldHaveSingleItem().Bsn.ShouldBe("999990019");
        report.Invitations.Select(i => (i.Pgb1Number, i.Name)).ShouldBe([("ZV-1", "Zorg Thuis BV"), ("ZV-2", "P. Jansen")]);
        (await VerifyLedgerAsync()).ShouldBeEmpty();

        await using (var scope = Db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var claims = await db.Claims.AsNoTracking().OrderBy(c => c.ExternalKey).ToListAsync();
            claims.Select(c => (c.ExternalKey, c.Status, c.AmountCents, c.Channel)).ShouldBe(
            [
                ("PGB1:D-1", ClaimStatus.Paid, 52_500L, ClaimChannel.Conversion),
                ("PGB1:D-2", ClaimStatus.Paid, 40_000L, ClaimChannel.Conversion),
                ("PGB1:D-3", ClaimStatus.Approved, 20_000L, ClaimChannel.Conversion),
                ("PGB1:D-4", ClaimStatus.Submitted, 11_250L, ClaimChannel.Conversion),
                ("PGB1:D-5", ClaimStatus.Rejected, 5_000L, ClaimChannel.Conversion),
            ]);
            (await db.CarriedOverPayments.AsNoTracking().OrderBy(p => p.Pgb1Number).Select(p => new { p.Pgb1Number, p.PaidOn, p.AmountCents }).ToListAsync())
                .ShouldBe([new { Pgb1Number = "P-1", PaidOn = new DateOnly(2026, 2, 10), AmountCents = 52_500L }, new { Pgb1Number = "P-2", PaidOn = new DateOnly(2026, 2, 10), AmountCents = 40_000L }]);
            var agreements = await db.CareAgreements.AsNoTracking().Include(a => a.Versions).OrderBy(a => a.Pgb1Number).ToListAsync();
            agreements.Select(a => (a.Pgb1Number, a.Status, a.EndedOn)).ShouldBe([("OV-1", AgreementStatus.Approved, (DateOnly?)null), ("OV-2", AgreementStatus.Ended, new DateOnly(2026, 6, 30))]);
            agreements[0].Versions[0].ThirdPartyClause.ShouldStartWith("Overgenomen uit PGB1");
            (await db.CareProviders.AsNoTracking().OrderBy(p => p.Pgb1Number).Select(p => p.Pgb1Number).ToListAsync()).ShouldBe(["ZV-1", "ZV-2"]);
            (await db.Stragglers.AsNoTracking().Select(s => s.Bsn).ToListAsync()).ShouldBe(["999990019"]);
        }

        var again = await ConvertAsync(trial: false);

        again.Summary.ShouldBe(report.Summary with { Status = ConversionStatuses.AlreadyConverted });
        (await CountAsync()).ShouldBe((5, 2, 1));
    }

    [Fact]
    public async Task AfterTheRun_ThePaymentRunPaysTheGoedClaim_AndNothingHistoric()
    {
        await ReceiveMatchingGrantAsync();
        (await ConvertAsync(trial: false)).Summary.Status.ShouldBe(ConversionStatuses.Converted);
        var output = Temporary();

        await using (var scope = Db.Scope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<PaymentRunService>().RunAsync(PaymentRunKind.Daily, new DateOnly(2026, 11, 24), "test", output, CancellationToken.None);
            run.Claims.ShouldBe(1);
            run.TotalCents.ShouldBe(20_000);
        }

        (await VerifyLedgerAsync()).ShouldBeEmpty();
        await using (var scope = Db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var paidByRun = await db.PaymentItems.AsNoTracking().Select(i => i.ClaimId).ToListAsync();
            (await db.Claims.AsNoTracking().Where(c => paidByRun.Contains(c.Id)).Select(c => c.ExternalKey).ToListAsync()).ShouldBe(["PGB1:D-3"]);
        }
    }

    [Fact]
    public async Task Trial_GivesTheSameReport_AndKeepsNothing()
    {
        await ReceiveMatchingGrantAsync();

        var trial = await ConvertAsync(trial: true);

        trial.Summary.Status.ShouldBe(ConversionStatuses.Trial);
        trial.Findings.ShouldBeEmpty();
        trial.Reconciliation.Count.ShouldBe(2);
        (await CountAsync()).ShouldBe((0, 0, 0));
        await using (var scope = Db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            (await db.CareProviders.CountAsync()).ShouldBe(0);
            (await db.Stragglers.CountAsync()).ShouldBe(0);
            (await db.LedgerAccounts.CountAsync()).ShouldBe(0);
        }

        var run = await ConvertAsync(trial: false);
        run.Summary.ShouldBe(trial.Summary with { Status = ConversionStatuses.Converted });
    }

    [Fact]
    public async Task BudgetMissingOrDifferentInOpenPgb_RefusesTheConversion_AndNothingIsApplied()
    {
        var missing = await ConvertAsync(trial: false);

        missing.Summary.Status.ShouldBe(ConversionStatuses.Refused);
        missing.Findings.Select(f => (f.Kind, f.Key)).ShouldBe([(FindingKinds.BudgetMissing, "B-1/02"), (FindingKinds.BudgetMissing, "B-1/03")]);

        await ReceiveMatchingGrantAsync(amount03: 650_000);
        var different = await ConvertAsync(trial: false);

        different.Summary.Status.ShouldBe(ConversionStatuses.Refused);
        var finding = different.Findings.ShouldHaveSingleItem();
        (finding.Kind, finding.Key).ShouldBe((FindingKinds.BudgetDifferent, "B-1/03"));
        finding.Message.ShouldContain("650000");
        (await CountAsync()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task GrantorAlreadyLive_IsRefused()
    {
        await ReceiveMatchingGrantAsync();
        await using (var scope = Db.Scope())
        {
            var grantor = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grantors.SingleAsync();
            grantor.SetLiveFrom(new DateOnly(2026, 4, 1));
            await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().SaveChangesAsync();
        }

        var report = await ConvertAsync(trial: true);

        report.Summary.Status.ShouldBe(ConversionStatuses.Refused);
        report.Findings.ShouldHaveSingleItem().Kind.ShouldBe(FindingKinds.Live);
    }

    [Fact]
    public async Task Compare_KeepsOneOpenTaskPerDifference_AndClosesItWhenTheDifferenceHasGone()
    {
        await ReceiveMatchingGrantAsync(amount03: 650_000);

        var first = await CompareAsync();

        first.Differences.ShouldHaveSingleItem().ShouldBe(new ConversionDifference(DifferenceKinds.Amount, "111222333", "B-1", "03", "600000", "650000"));
        (first.TasksOpened, first.TasksClosed).ShouldBe((1, 0));
        (await CompareAsync()).TasksOpened.ShouldBe(0, "the same difference keeps its one task");
        (await OpenTasksAsync()).ShouldHaveSingleItem().ShouldContain("BEDRAG");

        await ReceiveMatchingGrantAsync(sent: Messages.Today);
        var fixedUp = await CompareAsync();

        fixedUp.Differences.ShouldBeEmpty();
        (fixedUp.TasksOpened, fixedUp.TasksClosed).ShouldBe((0, 1));
        (await OpenTasksAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Compare_WithAnUnreadableExport_IsUnusable_AndTouchesNoTask()
    {
        var files = new Pgb1ExportFiles();
        files.Bytes[Pgb1ExportReader.ClaimsFile] = bytes => [.. bytes, 0xE9, (byte)'\n'];
        var export = Temporary(files.Write());
        await using var scope = Db.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<ConversionComparer>().CompareAsync(Pgb1ExportFiles.Grantor, export, CancellationToken.None);

        result.IsUnusable.ShouldBeTrue();
        result.Findings.ShouldContain(f => f.Kind == FindingKinds.Encoding);
        (await OpenTasksAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_WhileAPaymentRunHoldsTheLease_RefusesCleanly_AndAppliesNothing()
    {
        await ReceiveMatchingGrantAsync();
        await using (var scope = Db.Scope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
            await using var lease = await JobLease.TryAcquireAsync(settings, PaymentRunService.LeaseName, CancellationToken.None);
            lease.ShouldNotBeNull();
            await Should.ThrowAsync<ConversionBusyException>(() => ConvertAsync(trial: false));
        }

        (await CountAsync()).ShouldBe((0, 0, 0));
        (await ConvertAsync(trial: false)).Summary.Status.ShouldBe(ConversionStatuses.Converted);
    }

    [Fact]
    public async Task ConcurrentRuns_ConvertOnce_AndTheOthersRefuseOrSayAlreadyConverted()
    {
        await ReceiveMatchingGrantAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return (await ConvertAsync(trial: false)).Summary.Status;
            }
            catch (ConversionBusyException)
            {
                return "busy";
            }
        }));

        outcomes.Count(o => o == ConversionStatuses.Converted).ShouldBe(1, string.Join(", ", outcomes));
        outcomes.ShouldAllBe(o => o == ConversionStatuses.Converted || o == ConversionStatuses.AlreadyConverted || o == "busy");
        (await CountAsync()).ShouldBe((5, 2, 1));
        (await VerifyLedgerAsync()).ShouldBeEmpty();
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private async Task<CompareResult> CompareAsync()
    {
        var export = Temporary(new Pgb1ExportFiles().Write());
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<ConversionComparer>().CompareAsync(Pgb1ExportFiles.Grantor, export, CancellationToken.None);
    }

    private async Task<IReadOnlyList<string>> OpenTasksAsync()
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks
            .Where(t => t.Type == WorkTasks.WorkTaskType.ConversionDifference && t.Status == WorkTasks.WorkTaskStatus.Open)
            .Select(t => t.Title).ToListAsync();
    }

    private async Task<ConversionReport> ConvertAsync(bool trial)
    {
        var export = Temporary(new Pgb1ExportFiles().Write());
        await using var scope = Db.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
        return trial
            ? await service.TrialAsync(Pgb1ExportFiles.Grantor, export, "test", CancellationToken.None)
            : await service.RunAsync(Pgb1ExportFiles.Grantor, export, "test", CancellationToken.None);
    }

    /// <summary>The grantor's 501 for the converted holder, over the conversion channel, as the export has it.</summary>
    private async Task ReceiveMatchingGrantAsync(long amount03 = 600_000, DateOnly? sent = null)
    {
        static CareFunctionBudgetRecord Budget(string code, long cents) => new(code, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cents, null);
        var message = Messages.Valid(budgetKey: "B-1", identification: "TKB00000" + amount03.ToString(System.Globalization.CultureInfo.InvariantCulture)[..4])
            .WithHeader(h => h with { DateSent = sent ?? h.DateSent })
            .WithClient(c => c with { Bsn = "111222333" })
            .WithBudget(b => b with
            {
                CareFunctionBudgets = [Budget("02", 1_200_000), Budget("03", amount03)],
                Representatives = [new RepresentativeRecord("02", "123456782", new DateOnly(1978, 5, 1), new PersonName("Vries", null, "P"), RepresentativeRights.ReadWrite, true)],
            });
        var result = await Db.ReceiveAsync(message.Bytes(), MessageChannel.Conversion);
        result.IsAccepted.ShouldBeTrue(string.Join(", ", result.Codes));
    }

    private async Task<IReadOnlyList<string>> VerifyLedgerAsync()
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None);
    }

    private async Task<(int Claims, int Agreements, int Conversions)> CountAsync()
    {
        await using var scope = Db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        return (await db.Claims.CountAsync(), await db.CareAgreements.CountAsync(), await db.GrantorConversions.CountAsync());
    }

    private string Temporary(string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("openpgb-conversion-").FullName;
        _directories.Add(directory);
        return directory;
    }
}

public sealed class SqliteConversionRunTests : ConversionRunTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}

public sealed class PostgresConversionRunTests : ConversionRunTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();
}
