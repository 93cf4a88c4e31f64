using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Claims;

public sealed class ClaimConcurrencyOnPostgresTests() : ClaimConcurrencyTests(() => TestDatabase.CreateAsync());

public sealed class ClaimConcurrencyOnSqliteTests() : ClaimConcurrencyTests(() => TestDatabase.CreateSqliteAsync());

/// <summary>
/// The rules that read other claims hold when requests arrive together: 20 submissions at once that together would
/// break "no overlap on an agreement" and "at most 24 hours a day across the provider's claims" leave exactly the
/// allowed ones; 20 approvals of one claim at once book it once and none fails. On both databases.
/// </summary>
public abstract class ClaimConcurrencyTests(Func<Task<TestDatabase>> createDatabase) : IAsyncLifetime
{
    private const int Parallel = 20;
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await createDatabase();
        _world = await AgreementWorld.CreateAsync(_db);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TwentyClaimsForOneAgreementAndDay_AtOnce_OnlyOneIsAccepted()
    {
        var agreement = await _world.ApprovedAsync();

        var outcomes = await SubmitAllAsync(Enumerable.Range(1, Parallel)
            .Select(i => AgreementWorld.Claim(agreement, hours: 6, month: 10, invoice: $"PAR-{i}", fromDay: 5, toDay: 5)));

        outcomes.Count(o => o.Accepted).ShouldBe(1);
        outcomes.Where(o => !o.Accepted).ShouldAllBe(o => o.Rules.Contains(nameof(NoOverlapOnAgreement)));
        (await ClaimsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TwentyClaimsOverFiveAgreementsOfOneProvider_AtOnce_NeverMoreThan24HoursADay()
    {
        var agreements = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            agreements.Add(await _world.ApprovedAsync());
        }

        // Four claims of 6 hours per agreement for the same day: the overlap rule allows one per agreement, the
        // 24-hour rule four of those five.
        var outcomes = await SubmitAllAsync(Enumerable.Range(0, Parallel)
            .Select(i => AgreementWorld.Claim(agreements[i % 5], hours: 6, month: 10, invoice: $"UUR-{i}", fromDay: 7, toDay: 7)));

        outcomes.Count(o => o.Accepted).ShouldBe(4);
        var stored = await ClaimsAsync();
        stored.Sum(c => c.Units).ShouldBe(24);
        stored.Select(c => c.CareAgreementId).Distinct().Count().ShouldBe(4);
        outcomes.Where(o => !o.Accepted).ShouldAllBe(o => o.Rules.Contains(nameof(NoOverlapOnAgreement)) || o.Rules.Contains(nameof(UnitsPlausible)));
    }

    [Fact]
    public async Task TwentyApprovalsOfOneClaim_AtOnce_BookItOnceAndNoneFails()
    {
        var agreement = await _world.ApprovedAsync();
        var claimId = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 10));

        var results = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(() => _world.ApproveClaimAsync(claimId, i % 2 == 0 ? _world.Holder : _world.Representative))));

        results.Count(approvedNow => approvedNow).ShouldBe(1);
        (await _world.StatusOfAsync(claimId)).ShouldBe(ClaimStatus.Approved);
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.JournalEntries.CountAsync(e => e.ClaimId == claimId)).ShouldBe(1);
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApproveAll_FromTwoSessionsAtOnce_ApprovesEachClaimOnce()
    {
        var agreement = await _world.ApprovedAsync();
        for (var month = 4; month <= 10; month++)
        {
            await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 5, month: month));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var actor = i % 2 == 0 ? _world.Holder : _world.Representative;
            await using var scope = _world.ScopeOf(actor);
            return await scope.ServiceProvider.GetRequiredService<ClaimService>().ApproveAllAsync(actor, CancellationToken.None);
        })));

        results.Sum(r => r.Approved).ShouldBe(7);
        await using var check = _db.Scope();
        var db = check.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.JournalEntries.CountAsync(e => e.ClaimId != null)).ShouldBe(7);
        (await check.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<List<(bool Accepted, IReadOnlyList<string> Rules)>> SubmitAllAsync(IEnumerable<ClaimInput> inputs)
    {
        var start = new TaskCompletionSource();
        var tasks = inputs.Select(input => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await _world.SubmitClaimAsync(input);
                return (true, (IReadOnlyList<string>)[]);
            }
            catch (ClaimRefusedException refused)
            {
                return (false, (IReadOnlyList<string>)[.. refused.Violations.Select(v => v.Rule)]);
            }
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }

    private async Task<List<Claim>> ClaimsAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Claims.AsNoTracking().ToListAsync();
    }
}
