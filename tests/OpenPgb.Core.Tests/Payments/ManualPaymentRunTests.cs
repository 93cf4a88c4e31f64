using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>Manual payment runs are queued, run by a background job with reported phases, one at a time, never left running.</summary>
public sealed class ManualPaymentRunTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new TestClock(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
        _world = await AgreementWorld.CreateAsync(_db);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Request_IsQueuedOnce_ThenRunByTheJob_WithItsResult()
    {
        var agreement = await _world.ApprovedAsync();
        var claim = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 10));
        var manual = _db.Services.GetRequiredService<ManualPaymentRuns>();

        var first = await manual.RequestAsync("operator", CancellationToken.None);
        var second = await manual.RequestAsync("collega", CancellationToken.None);

        second.Id.ShouldBe(first.Id, "a second request while one is queued is that one");
        first.Status.ShouldBe(PaymentRunRequestStatus.Queued);
        (await manual.RunNextAsync(CancellationToken.None)).ShouldBeTrue();
        (await manual.RunNextAsync(CancellationToken.None)).ShouldBeFalse();

        var done = (await manual.FindAsync(first.Id, CancellationToken.None))!;
        done.Status.ShouldBe(PaymentRunRequestStatus.Completed);
        done.PaymentRunId.ShouldNotBeNull();
        done.Result!.ShouldContain("1 declaraties");
        (await _world.StatusOfAsync(claim)).ShouldBe(ClaimStatus.Paid);
        (await manual.RequestAsync("operator", CancellationToken.None)).Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task RequestLeftRunningByADeadNode_IsFailedWithAReason_AndTheNextOneRuns()
    {
        var manual = _db.Services.GetRequiredService<ManualPaymentRuns>();
        var orphan = await manual.RequestAsync("operator", CancellationToken.None);
        await using (var scope = _db.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Set<PaymentRunRequest>().Where(r => r.Id == orphan.Id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, PaymentRunRequestStatus.Running));
        }

        var next = await manual.RequestAsync("operator", CancellationToken.None);
        next.Id.ShouldBe(orphan.Id, "while it looks running, nobody starts another");
        await manual.RunNextAsync(CancellationToken.None);

        var failed = (await manual.FindAsync(orphan.Id, CancellationToken.None))!;
        failed.Status.ShouldBe(PaymentRunRequestStatus.Failed);
        failed.Result!.ShouldContain("onderbroken");
        var fresh = await manual.RequestAsync("operator", CancellationToken.None);
        await manual.RunNextAsync(CancellationToken.None);
        (await manual.FindAsync(fresh.Id, CancellationToken.None))!.Result.ShouldBe("Er was niets te betalen.");
    }
}
