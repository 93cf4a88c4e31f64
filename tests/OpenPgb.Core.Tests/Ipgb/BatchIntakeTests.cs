using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

/// <summary>A batch decides its messages in order: a later message sees an earlier one exactly as after a commit.</summary>
public sealed class BatchIntakeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.AddGrantorAsync("0363");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Batch_WithVersionsReplayConflictAndReKey_MatchesOneByOneSemantics()
    {
        var first = Messages.Valid(identification: "B1");
        var second = Messages.Valid(identification: "B2").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0]] });
        var replay = first;
        var conflict = Messages.Valid(identification: "B1").WithClient(c => c with { Name = c.Name with { Surname = "Anders" } });
        var rekey = Messages.Valid(identification: "B3", budgetKey: "B-NEW").WithBudget(b => b with { PreviousBudgetKey = "B2026000001" });
        var afterRekey = Messages.Valid(identification: "B4", budgetKey: "B-NEW");

        var results = await ReceiveBatchAsync(first, second, replay, conflict, rekey, afterRekey);

        results.Select(r => r.Outcome).ShouldBe([IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Replayed, IntakeOutcome.Rejected, IntakeOutcome.Accepted, IntakeOutcome.Accepted]);
        results[3].Codes.ShouldBe([ReturnCodes.IdentificationNotUnique]);
        // The 502s are written after the batch is decided; a replay within the batch answers its original's.
        results.ShouldAllBe(r => r.Response != null);
        results[2].Response.ShouldBe(results[0].Response);
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var grant = await db.Grants.Include(g => g.Versions).SingleAsync();
        grant.BudgetKey.ShouldBe("B-NEW");
        grant.Versions.Count.ShouldBe(4);
        grant.Versions.Count(v => v.IsCurrent).ShouldBe(1);
        grant.Versions.Single(v => v.IsCurrent).Number.ShouldBe(4);
        (await db.BudgetHolders.CountAsync()).ShouldBe(1);
        var replayRecord = await db.IntakeMessages.SingleAsync(m => m.Id == results[2].IntakeMessageId);
        replayRecord.ReplayOfId.ShouldBe(results[0].IntakeMessageId);
        replayRecord.GrantId.ShouldBe(grant.Id);
        replayRecord.Response.ShouldBe(results[0].Response);
    }

    [Fact]
    public async Task Batch_KeyOfAnotherHolderEarlierInBatch_Gives9010()
    {
        var results = await ReceiveBatchAsync(
            Messages.Valid(identification: "C1"),
            Messages.Valid(identification: "C2").WithClient(c => c with { Bsn = Messages.OtherBsn }));

        results[1].Codes.ShouldBe([ReturnCodes.BudgetKeyConflict]);
    }

    [Fact]
    public async Task Batch_ClientLeftBehindOnPgb1_Gives9011ForThemAlone_OnBothPaths()
    {
        await using (var scope = _db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var grantor = await db.Grantors.SingleAsync(g => g.Code == "0363");
            db.Stragglers.Add(new Straggler(grantor.Id, Messages.OtherBsn, StragglerReason.Wlz));
            await db.SaveChangesAsync();
        }

        var batch = await ReceiveBatchAsync(
            Messages.Valid(identification: "S1"),
            Messages.Valid(identification: "S2", budgetKey: "K-S2").WithClient(c => c with { Bsn = Messages.OtherBsn }));
        var alone = await _db.ReceiveAsync(Messages.Valid(identification: "S3", budgetKey: "K-S3").WithClient(c => c with { Bsn = Messages.OtherBsn }).Bytes(), MessageChannel.Conversion);

        batch.Select(r => r.Outcome).ShouldBe([IntakeOutcome.Accepted, IntakeOutcome.Rejected]);
        batch[1].Codes.ShouldBe([ReturnCodes.ClientStaysInPgb1]);
        alone.Codes.ShouldBe([ReturnCodes.ClientStaysInPgb1]);
        await using var check = _db.Scope();
        var stored = check.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await stored.Grants.Select(g => g.BudgetHolder!.Bsn).ToListAsync()).ShouldBe([Messages.ClientBsn]);
    }

    [Fact]
    public async Task Batch_RacingAConcurrentWriter_FallsBackToOneByOneWithoutLosingAnything()
    {
        var prepared = new[] { Messages.Valid(identification: "D1"), Messages.Valid(identification: "D2", budgetKey: "K2").WithClient(c => c with { Bsn = Messages.OtherBsn }) }
            .Select(m => PreparedMessage.Prepare(m.Bytes(), 1024 * 1024)).ToList();

        // Two batches with the same messages at once: one wins, the other falls back and answers replays.
        var results = await Task.WhenAll(ReceiveAsync(prepared), ReceiveAsync(prepared));

        results.SelectMany(r => r).Count(r => r.Outcome == IntakeOutcome.Accepted).ShouldBe(2);
        results.SelectMany(r => r).Count(r => r.Outcome == IntakeOutcome.Replayed).ShouldBe(2);
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().GrantVersions.CountAsync()).ShouldBe(2);
    }

    private Task<IReadOnlyList<IntakeResult>> ReceiveBatchAsync(params Message501[] messages) =>
        ReceiveAsync(messages.Select(m => PreparedMessage.Prepare(m.Bytes(), 1024 * 1024)).ToList());

    private async Task<IReadOnlyList<IntakeResult>> ReceiveAsync(IReadOnlyList<PreparedMessage> prepared)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<GrantIntakeService>().ReceiveBatchAsync(prepared, MessageChannel.File, null, CancellationToken.None);
    }
}
