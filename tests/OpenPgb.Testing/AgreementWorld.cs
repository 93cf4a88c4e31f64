using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Payments;

namespace OpenPgb.Testing;

/// <summary>
/// A grantor with one grant (from a real 501), one registered care provider and the actors around them, for tests of
/// agreements, assessment, letters and work tasks.
/// </summary>
public sealed class AgreementWorld
{
    private AgreementWorld(TestDatabase db, Grantor grantor, long grantId, long providerId)
    {
        Db = db;
        Grantor = grantor;
        GrantId = grantId;
        ProviderId = providerId;
    }

    public TestDatabase Db { get; }

    public Grantor Grantor { get; }

    public long GrantId { get; }

    public long ProviderId { get; }

    public Actor Holder => Actor.Citizen("user-holder", "J. van Jansen", Messages.ClientBsn);

    /// <summary>The 501's representative (read-write unless the world was built with read rights).</summary>
    public Actor Representative => Actor.Citizen("user-rep", "P. Jansen", Messages.RepresentativeBsn);

    public Actor Stranger => Actor.Citizen("user-other", "X. Vreemd", Messages.OtherBsn);

    public Actor ProviderUser => Actor.Provider("user-provider", "Zorg Op Maat", ProviderId);

    public Actor Employee => Actor.Employee("user-employee-1", "M. Medewerker", Grantor.Id);

    public Actor SecondEmployee => Actor.Employee("user-employee-2", "T. Tweede", Grantor.Id);

    public static CareAgreementTerms Terms(long tariffCents = 3_500, string careFunction = "02", AgreementType type = AgreementType.Assignment, long? holidayAllowanceCents = null) =>
        new(type, [careFunction], new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31), TariffUnit.Hour, tariffCents, 20, null, holidayAllowanceCents);

    public static async Task<AgreementWorld> CreateAsync(TestDatabase db, RepresentativeRights representativeRights = RepresentativeRights.ReadWrite)
    {
        var grantor = await db.AddGrantorAsync("0363");
        var message = Messages.Valid().WithBudget(b => b with { Representatives = [.. b.Representatives.Select(r => r with { Rights = representativeRights })] });
        var result = await db.ReceiveAsync(message.Bytes());
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException("The 501 of the test world was not accepted: " + string.Join(",", result.Codes));
        }

        await using var scope = db.Scope();
        var provider = CareProvider.Register(
            "ZV10000001",
            CareProviderKind.Organisation,
            "Zorg Op Maat B.V.",
            new CareProviderDetails("12345678", "12345678", "NL123456789B01", new PostalAddress("Zorgstraat", "1", "1011AB", "Amsterdam"), "NL91ABNA0417164300"),
            db.Clock.GetUtcNow());
        var context = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        context.CareProviders.Add(provider);
        await context.SaveChangesAsync();
        var grantId = await context.Grants.Select(g => g.Id).SingleAsync();
        return new AgreementWorld(db, grantor, grantId, provider.Id);
    }

    /// <summary>A unit of work in the scope that fits the actor, as the portal would set it.</summary>
    public AsyncServiceScope ScopeOf(Actor actor) => Db.Scope(actor.Role switch
    {
        Core.Accounts.PortalRole.Citizen => AccessScope.ForCitizen(actor.Bsn!),
        Core.Accounts.PortalRole.GrantorEmployee => AccessScope.ForGrantors([actor.GrantorId!.Value]),
        Core.Accounts.PortalRole.CareProvider => AccessScope.ForCareProvider(actor.CareProviderId!.Value),
        Core.Accounts.PortalRole.Operator => AccessScope.System,
    });

    public async Task<T> AsAsync<T>(Actor actor, Func<CareAgreementService, Task<T>> action)
    {
        await using var scope = ScopeOf(actor);
        return await action(scope.ServiceProvider.GetRequiredService<CareAgreementService>());
    }

    public async Task AsAsync(Actor actor, Func<CareAgreementService, Task> action)
    {
        await using var scope = ScopeOf(actor);
        await action(scope.ServiceProvider.GetRequiredService<CareAgreementService>());
    }

    public Task<long> DraftAsync(CareAgreementTerms? terms = null, Actor? by = null, long? providerId = null) =>
        AsAsync(by ?? Holder, s => s.DraftAsync(by ?? Holder, GrantId, providerId ?? ProviderId, terms ?? Terms(), CancellationToken.None));

    /// <summary>A user of another provider than the world's own.</summary>
    public static Actor UserOf(long providerId) => Actor.Provider($"user-provider-{providerId}", $"Zorgverlener {providerId}", providerId);

    /// <summary>Another registered provider (an organisation unless told otherwise), for tests with more than one payee.</summary>
    public async Task<long> AddProviderAsync(string name, string? kvkNumber, string iban = "NL02ABNA0417164350", CareProviderKind kind = CareProviderKind.Organisation)
    {
        await using var scope = Db.Scope();
        var context = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var number = "ZV" + (10_000_001 + await context.CareProviders.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var provider = CareProvider.Register(number, kind, name, new CareProviderDetails(kvkNumber, null, null, new PostalAddress("Zorgstraat", "2", "1011AB", "Amsterdam"), iban), Db.Clock.GetUtcNow());
        context.CareProviders.Add(provider);
        await context.SaveChangesAsync();
        return provider.Id;
    }

    /// <summary>Drafted and signed by both sides: waiting for the grantor.</summary>
    public async Task<long> SubmittedAsync(CareAgreementTerms? terms = null, long? providerId = null)
    {
        var id = await DraftAsync(terms, providerId: providerId);
        var provider = providerId is { } other ? UserOf(other) : ProviderUser;
        await AsAsync(provider, s => s.SignAsProviderAsync(provider, id, CancellationToken.None));
        await AsAsync(Holder, s => s.SignAsBudgetHolderAsync(Holder, id, CancellationToken.None));
        return id;
    }

    public async Task<long> ApprovedAsync(CareAgreementTerms? terms = null, long? providerId = null)
    {
        var id = await SubmittedAsync(terms, providerId);
        await AsAsync(Employee, s => s.AssessAsync(Employee, id, AssessmentDecision.Approve, AssessmentReasons.Approval, null, CancellationToken.None));
        return id;
    }

    public async Task<CareAgreement> LoadAsync(long id)
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().CareAgreements.AsNoTracking().Include(a => a.Versions).SingleAsync(a => a.Id == id);
    }

    public async Task SetProcessChoiceAsync(ProcessChoiceKind kind, string value)
    {
        await using var scope = ScopeOf(Employee);
        await scope.ServiceProvider.GetRequiredService<GrantorSettingsService>().SetProcessChoiceAsync(Employee, kind, value, CancellationToken.None);
    }

    public async Task SetMaximumTariffAsync(string careFunction, long cents, DateOnly? from = null)
    {
        await using var scope = ScopeOf(Employee);
        await scope.ServiceProvider.GetRequiredService<GrantorSettingsService>().SetMaximumTariffAsync(Employee, careFunction, TariffUnit.Hour, cents, from ?? new DateOnly(2026, 1, 1), CancellationToken.None);
    }

    public static ClaimInput Claim(long agreementId, decimal hours = 10, int month = 10, string? invoice = null, string careFunction = "02", int fromDay = 1, int? toDay = null) =>
        new(agreementId, ClaimKind.Care, careFunction, new DateOnly(2026, month, fromDay), new DateOnly(2026, month, toDay ?? DateTime.DaysInMonth(2026, month)), hours, null, invoice ?? $"F-{month}-{fromDay}-{hours}", new DateOnly(2026, 11, 1));

    public async Task<long> SubmitClaimAsync(ClaimInput input, Actor? by = null)
    {
        await using var scope = ScopeOf(by ?? ProviderUser);
        return await scope.ServiceProvider.GetRequiredService<ClaimService>().SubmitAsync(by ?? ProviderUser, input, ClaimChannel.Portal, CancellationToken.None);
    }

    /// <summary>Approves; false when the claim was already approved.</summary>
    public async Task<bool> ApproveClaimAsync(long claimId, Actor? by = null)
    {
        await using var scope = ScopeOf(by ?? Holder);
        return await scope.ServiceProvider.GetRequiredService<ClaimService>().ApproveAsync(by ?? Holder, claimId, CancellationToken.None);
    }

    /// <summary>An approved claim: submitted by the provider, approved by the holder.</summary>
    public async Task<long> ApprovedClaimAsync(ClaimInput input, Actor? provider = null)
    {
        var id = await SubmitClaimAsync(input, provider);
        await ApproveClaimAsync(id);
        return id;
    }

    public async Task<PaymentRunResult> RunPaymentsAsync(string outputDirectory, DateOnly? businessDate = null, PaymentRunKind kind = PaymentRunKind.Daily)
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<PaymentRunService>().RunAsync(kind, businessDate ?? new DateOnly(2026, 11, 24), "test", outputDirectory, CancellationToken.None);
    }

    /// <summary>The status a user sees (paid when a run paid it: ADR 0015), not only the stored one.</summary>
    public async Task<ClaimStatus> StatusOfAsync(long id)
    {
        await using var scope = Db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        return await ClaimStates.OfAsync(db, await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id), CancellationToken.None);
    }

    public async Task<Claim> ClaimAsync(long id)
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Claims.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
