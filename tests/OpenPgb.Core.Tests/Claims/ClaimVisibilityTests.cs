using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Claims;

/// <summary>
/// Lists read through the scope filters: a provider, a budget holder and another grantor's employee see only their
/// own claims, payments and agreements (regression: a lookup past the filter inside the query once opened them all).
/// </summary>
public sealed class ClaimVisibilityTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private Actor _otherHolder = null!;
    private Actor _otherProvider = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-visibility-").FullName;
        var own = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(own, hours: 2, month: 10, invoice: "OWN-1"));

        // A second budget holder (another 501) with a second provider, their agreement and claim.
        var other = Messages.Valid(identification: "TKB000000002", budgetKey: "B2026000002").WithClient(c => c with { Bsn = Messages.OtherBsn })
            .WithBudget(b => b with { Representatives = [] });
        (await _db.ReceiveAsync(other.Bytes())).IsAccepted.ShouldBeTrue();
        long providerId, grantId;
        await using (var scope = _db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var provider = CareProvider.Register("ZV10000002", CareProviderKind.Organisation, "Andere Zorg B.V.",
                new CareProviderDetails("87654321", null, null, new PostalAddress("Weg", "2", "3511AB", "Utrecht"), "NL20INGB0001234567"), _db.Clock.GetUtcNow());
            db.CareProviders.Add(provider);
            await db.SaveChangesAsync();
            providerId = provider.Id;
            grantId = await db.Grants.Where(g => g.BudgetKey == "B2026000002").Select(g => g.Id).SingleAsync();
        }

        _otherHolder = Actor.Citizen("user-other-holder", "X. Vreemd", Messages.OtherBsn);
        _otherProvider = Actor.Provider("user-other-provider", "Andere Zorg", providerId);
        var agreement = await _world.AsAsync(_otherHolder, s => s.DraftAsync(_otherHolder, grantId, providerId, AgreementWorld.Terms(), CancellationToken.None));
        await _world.AsAsync(_otherProvider, s => s.SignAsProviderAsync(_otherProvider, agreement, CancellationToken.None));
        await _world.AsAsync(_otherHolder, s => s.SignAsBudgetHolderAsync(_otherHolder, agreement, CancellationToken.None));
        await _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, agreement, AssessmentDecision.Approve, AssessmentReasons.Approval, null, CancellationToken.None));
        var claim = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 10, invoice: "OTHER-1"), _otherProvider);
        await _world.ApproveClaimAsync(claim, _otherHolder);
        await _world.RunPaymentsAsync(_out);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task EachRole_SeesOnlyItsOwnClaimsPaymentsAndAgreements()
    {
        (await InvoicesAsync(_world.ProviderUser)).ShouldBe(["OWN-1"]);
        (await InvoicesAsync(_otherProvider)).ShouldBe(["OTHER-1"]);
        (await InvoicesAsync(_world.Holder)).ShouldBe(["OWN-1"]);
        (await InvoicesAsync(_otherHolder)).ShouldBe(["OTHER-1"]);
        (await InvoicesAsync(_world.Employee)).Order().ShouldBe(["OTHER-1", "OWN-1"]);
        var foreignGrantor = await _db.AddGrantorAsync("0344");
        (await InvoicesAsync(Actor.Employee("user-utrecht", "U. Trecht", foreignGrantor.Id))).ShouldBeEmpty();

        (await PaymentsAsync(_world.ProviderUser)).ShouldAllBe(p => p.EndToEndId.EndsWith("ZV10000001"));
        (await PaymentsAsync(_otherProvider)).ShouldHaveSingleItem().EndToEndId.ShouldEndWith("ZV10000002");
        (await PaymentsAsync(_world.Holder)).ShouldBeEmpty();

        (await AgreementHoldersAsync(_world.ProviderUser)).ShouldAllBe(h => h == "J. van Jansen");
        (await AgreementHoldersAsync(_otherHolder)).ShouldHaveSingleItem();
        (await AgreementHoldersAsync(_world.Holder)).ShouldNotContain(h => h != "J. van Jansen");
    }

    private async Task<List<string>> InvoicesAsync(Actor actor)
    {
        await using var scope = _world.ScopeOf(actor);
        return [.. (await scope.ServiceProvider.GetRequiredService<ClaimQueries>().ListAsync(null, CancellationToken.None)).Select(c => c.InvoiceNumber)];
    }

    private async Task<IReadOnlyList<PaymentRow>> PaymentsAsync(Actor actor)
    {
        await using var scope = _world.ScopeOf(actor);
        return await scope.ServiceProvider.GetRequiredService<ClaimQueries>().PaymentsAsync(CancellationToken.None);
    }

    private async Task<List<string>> AgreementHoldersAsync(Actor actor)
    {
        await using var scope = _world.ScopeOf(actor);
        return [.. (await scope.ServiceProvider.GetRequiredService<CareAgreementQueries>().ListAsync(null, CancellationToken.None)).Select(a => a.BudgetHolderName)];
    }
}
