using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

public sealed class PaymentQueueOnPostgresTests() : PaymentQueueTests(() => TestDatabase.CreateAsync());

public sealed class PaymentQueueOnSqliteTests() : PaymentQueueTests(() => TestDatabase.CreateSqliteAsync());

/// <summary>
/// The payment queue (ADR 0015): approval puts a claim in, the run pays what it finds there and takes it out, and the
/// paid claim's own row is left alone; the ledger verifier notices a queue that drifted from the claims; approvals
/// during runs are each paid exactly once. On both databases.
/// </summary>
public abstract class PaymentQueueTests(Func<Task<TestDatabase>> createDatabase) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await createDatabase();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-queue-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Approval_QueuesTheClaim_TheRunPaysIt_EmptiesTheQueue_AndLeavesTheClaimRowAsItWas()
    {
        var agreement = await _world.ApprovedAsync();
        var submitted = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 9));
        (await QueuedAsync()).ShouldBeEmpty();
        await _world.ApproveClaimAsync(submitted);
        (await QueuedAsync()).ShouldBe([submitted]);
        var before = await RowVersionAsync(submitted);

        (await _world.RunPaymentsAsync(_out)).Claims.ShouldBe(1);

        (await QueuedAsync()).ShouldBeEmpty();
        (await _world.ClaimAsync(submitted)).Status.ShouldBe(ClaimStatus.Approved, "the run does not write the claim");
        (await _world.StatusOfAsync(submitted)).ShouldBe(ClaimStatus.Paid);
        (await RowVersionAsync(submitted)).ShouldBe(before);
        (await VerifyAsync()).ShouldBeEmpty();
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25))).Outcome.ShouldBe(PaymentRunOutcome.NothingToPay);
    }

    [Fact]
    public async Task Verifier_ReportsAQueueThatLostAClaim_GainedAPaidOne_OrCarriesAnotherAmount()
    {
        var agreement = await _world.ApprovedAsync();
        var paid = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 8));
        await _world.RunPaymentsAsync(_out);
        var waiting = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 9));
        (await VerifyAsync()).ShouldBeEmpty();

        await ExecuteAsync($"""DELETE FROM "PayableClaims" WHERE "ClaimId" = {waiting}""");
        (await VerifyAsync()).ShouldHaveSingleItem().ShouldStartWith("the payment queue holds exactly the approved, unheld, unpaid claims");

        await ExecuteAsync($"""
            INSERT INTO "PayableClaims" ("ClaimId", "GrantorId", "CareProviderId", "BudgetHolderId", "CareAgreementId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents")
            SELECT "Id", "GrantorId", "CareProviderId", "BudgetHolderId", "CareAgreementId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents" + 1 FROM "Claims" WHERE "Id" IN ({paid}, {waiting})
            """);
        // The paid claim is queued though paid (1), and both rows carry an amount that is not their claim's (2).
        (await VerifyAsync()).ShouldHaveSingleItem().ShouldContain(": 3 violation(s)");
    }

    [Fact]
    public async Task TwentyApprovals_WhileRunsGoOn_AreEachPaidExactlyOnce()
    {
        const int Claims = 20;
        var agreement = await _world.ApprovedAsync();
        var ids = new List<long>();
        for (var day = 1; day <= Claims; day++)
        {
            ids.Add(await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 10, invoice: $"Q-{day}", fromDay: day, toDay: day)));
        }

        var approvals = ids.Select((id, i) => Task.Run(() => _world.ApproveClaimAsync(id, i % 2 == 0 ? _world.Holder : _world.Representative))).ToList();
        var runs = Task.Run(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 24), PaymentRunKind.Manual);
            }
        });
        (await Task.WhenAll(approvals)).ShouldAllBe(approvedNow => approvedNow);
        await runs;
        await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25), PaymentRunKind.Manual);

        foreach (var id in ids)
        {
            (await _world.StatusOfAsync(id)).ShouldBe(ClaimStatus.Paid);
        }

        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.PaymentItems.CountAsync(i => ids.Contains(i.ClaimId))).ShouldBe(Claims);
        (await db.PayableClaims.CountAsync()).ShouldBe(0);
        (await VerifyAsync()).ShouldBeEmpty();
    }

    private async Task<List<long>> QueuedAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().PayableClaims.Select(q => q.ClaimId).ToListAsync();
    }

    // PostgreSQL: the row version (xmin) changes with every write to the row; SQLite: the whole row as text.
    private async Task<string> RowVersionAsync(long claimId)
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var sql = db.Database.IsNpgsql()
            ? $"""SELECT CAST(xmin AS TEXT) AS "Value" FROM "Claims" WHERE "Id" = {claimId}"""
            : $"""SELECT "Status" || '|' || COALESCE("HoldReason", '') || '|' || COALESCE("DecidedAt", '') AS "Value" FROM "Claims" WHERE "Id" = {claimId}""";
#pragma warning disable EF1002 // the id is a number of this test
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
#pragma warning restore EF1002
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _db.Scope();
#pragma warning disable EF1002 // the ids are numbers of this test
        await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    private async Task<IReadOnlyList<string>> VerifyAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None);
    }
}
