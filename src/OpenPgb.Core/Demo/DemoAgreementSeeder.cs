using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Demo;

/// <summary>
/// Demo providers, settings and agreements in every state, made through the same services the portal uses, so the
/// work tasks, letters and access-log rows are the real thing.
/// </summary>
public sealed class DemoAgreementSeeder(
    OpenPgbDbContext db,
    CareProviderService providers,
    CareAgreementService agreements,
    GrantorSettingsService settings,
    ClaimService claims,
    PaymentRunService payments,
    PaymentOptions paymentOptions,
    Risk.RiskScanService riskScan,
    TimeProvider time)
{
    public async Task SeedAsync(Grantor amsterdam, Grantor utrecht, string holderBsn, string? utrechtHolderBsn, CancellationToken cancellationToken)
    {
        var zorgOpMaat = (await providers.RegisterAsync(
            CareProviderKind.Organisation,
            "Zorg Op Maat B.V.",
            new CareProviderDetails("68750110", "12345678", "NL123456789B01", new PostalAddress("Zorgstraat", "12", "1011AB", "Amsterdam"), "NL91ABNA0417164300"),
            "Z. Planner (Zorg Op Maat)",
            DemoDataSeeder.DemoPassword,
            cancellationToken,
            demoUserName: "zorgverlener")).Provider;
        await providers.AddColleagueAsync(await ActorOfProviderAsync("zorgverlener", zorgOpMaat.Id, cancellationToken), "C. Collega (Zorg Op Maat)", DemoDataSeeder.DemoPassword, cancellationToken, demoUserName: "zorgverlener.collega");
        var informal = (await providers.RegisterAsync(
            CareProviderKind.Person,
            "A. de Boer",
            new CareProviderDetails(null, null, null, new PostalAddress("Kastanjelaan", "3", "3511AA", "Utrecht"), "NL20INGB0001234567"),
            "A. de Boer",
            DemoDataSeeder.DemoPassword,
            cancellationToken,
            demoUserName: "mantelzorger")).Provider;

        var employee = await ActorOfEmployeeAsync("medewerker.amsterdam", amsterdam.Id, cancellationToken);
        var codes = await db.CareFunctions.Where(f => f.Code != Grants.CareFunctionCodes.WholePackage).Select(f => f.Code).ToListAsync(cancellationToken);
        foreach (var code in codes)
        {
            await settings.SetMaximumTariffAsync(employee, code, TariffUnit.Hour, 6_500, new DateOnly(time.GetUtcNow().Year - 1, 1, 1), cancellationToken);
        }

        var holder = await HolderGrantAsync(holderBsn, cancellationToken);
        var provider = await ActorOfProviderAsync("zorgverlener", zorgOpMaat.Id, cancellationToken);
        var carer = await ActorOfProviderAsync("mantelzorger", informal.Id, cancellationToken);
        var terms = holder.Terms;
        var informalTerms = terms with { Type = AgreementType.InformalCarer, TariffCents = 2_250, HolidayAllowanceCents = 15_000 };

        await DraftAsync(holder, zorgOpMaat.Id, terms, cancellationToken);
        var signedByHolder = await DraftAsync(holder, zorgOpMaat.Id, terms, cancellationToken);
        await agreements.SignAsBudgetHolderAsync(holder.Actor, signedByHolder, cancellationToken);
        var signedByProvider = await DraftAsync(holder, informal.Id, informalTerms, cancellationToken);
        await agreements.SignAsProviderAsync(carer, signedByProvider, cancellationToken);
        await SubmitAsync(holder, provider, zorgOpMaat.Id, terms with { TariffCents = 4_750 }, cancellationToken);
        var approved = await SubmitAsync(holder, provider, zorgOpMaat.Id, terms with { TariffCents = 4_500 }, cancellationToken);
        await agreements.AssessAsync(employee, approved, AssessmentDecision.Approve, AssessmentReasons.Approval, null, cancellationToken);
        var rejected = await SubmitAsync(holder, provider, zorgOpMaat.Id, terms with { TariffCents = 9_500 }, cancellationToken);
        await agreements.AssessAsync(employee, rejected, AssessmentDecision.Reject, "01", "Het tarief ligt boven ons maximumtarief van € 65,00 per uur.", cancellationToken);
        var ended = await SubmitAsync(holder, carer, informal.Id, informalTerms, cancellationToken);
        await agreements.AssessAsync(employee, ended, AssessmentDecision.Approve, AssessmentReasons.Approval, null, cancellationToken);
        var halfway = terms.StartDate.AddDays((terms.EndDate.DayNumber - terms.StartDate.DayNumber) / 2);
        await agreements.EndAsync(holder.Actor, ended, halfway, "De zorg is gestopt.", cancellationToken);
        var changed = await SubmitAsync(holder, provider, zorgOpMaat.Id, terms with { TariffCents = 4_000 }, cancellationToken);
        await agreements.AssessAsync(employee, changed, AssessmentDecision.Approve, AssessmentReasons.Approval, null, cancellationToken);
        await agreements.StartChangeAsync(holder.Actor, changed, terms with { TariffCents = 4_200 }, cancellationToken);
        await SeedClaimsAsync(holder, provider, approved, terms.CareFunctionCodes[0], cancellationToken);

        if (utrechtHolderBsn is not null)
        {
            await SeedUtrechtAsync(utrecht, utrechtHolderBsn, zorgOpMaat.Id, provider, cancellationToken);
        }

        await SeedRiskAsync(cancellationToken);
    }

    // A risk to find: a provider that registered with Zorg Op Maat's IBAN. The scan runs once, as it would at night,
    // so the demo has signals and "risicosignaal" work tasks to open.
    private async Task SeedRiskAsync(CancellationToken cancellationToken)
    {
        var twin = CareProvider.Register(
            await providers.NextProviderNumberAsync(cancellationToken),
            CareProviderKind.Organisation,
            "Zorggroep Tweeling B.V.",
            new CareProviderDetails("68750111", null, null, new PostalAddress("Zorgstraat", "14", "1011AB", "Amsterdam"), "NL91ABNA0417164300"),
            time.GetUtcNow());
        db.CareProviders.Add(twin);
        await db.SaveChangesAsync(cancellationToken);
        await riskScan.RunAsync(time.Today(), cancellationToken);
    }

    // Money moving: a claim paid by a manual payment run (so there is a run, a file and a payment to see) and one
    // waiting for the budget holder. Days of the current month, so they always fall inside the demo agreement.
    private async Task SeedClaimsAsync(HolderGrant holder, Actor provider, long agreementId, string careFunction, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        try
        {
            var paid = await claims.SubmitAsync(provider, new ClaimInput(agreementId, ClaimKind.Care, careFunction, first, first, 3, null, $"ZOM-{first:yyyyMM}-001", today), ClaimChannel.Portal, cancellationToken);
            await claims.ApproveAsync(holder.Actor, paid, cancellationToken);
            await payments.RunAsync(PaymentRunKind.Manual, today, "demo", paymentOptions.OutputDirectory, cancellationToken);
            if (today > first)
            {
                await claims.SubmitAsync(provider, new ClaimInput(agreementId, ClaimKind.Care, careFunction, first.AddDays(1), first.AddDays(1), 2.5m, null, $"ZOM-{first:yyyyMM}-002", today), ClaimChannel.Portal, cancellationToken);
            }
        }
        catch (ClaimRefusedException)
        {
            // A demo grant whose budget starts later than this month: no claims to show, nothing else depends on them.
        }
    }

    // Utrecht prints its own letters and assesses with four eyes: one agreement waits for the second employee, one
    // is approved and its letter waits in a print task.
    private async Task SeedUtrechtAsync(Grantor utrecht, string holderBsn, long providerId, Actor provider, CancellationToken cancellationToken)
    {
        var first = await ActorOfEmployeeAsync("medewerker.utrecht", utrecht.Id, cancellationToken);
        var second = await ActorOfEmployeeAsync("medewerker.samenwerking", utrecht.Id, cancellationToken);
        await settings.SetProcessChoiceAsync(first, ProcessChoiceKind.LetterPrinting, nameof(LetterPrinting.Grantor), cancellationToken);
        await settings.SetProcessChoiceAsync(first, ProcessChoiceKind.FourEyesAssessment, "true", cancellationToken);
        var holder = await HolderGrantAsync(holderBsn, cancellationToken);
        var waiting = await SubmitAsync(holder, provider, providerId, holder.Terms, cancellationToken);
        await agreements.AssessAsync(first, waiting, AssessmentDecision.Approve, AssessmentReasons.Approval, null, cancellationToken);
        var approved = await SubmitAsync(holder, provider, providerId, holder.Terms with { TariffCents = 3_900 }, cancellationToken);
        await agreements.AssessAsync(first, approved, AssessmentDecision.Approve, AssessmentReasons.Approval, null, cancellationToken);
        await agreements.ConfirmAssessmentAsync(second, approved, cancellationToken);
    }

    private async Task<long> DraftAsync(HolderGrant holder, long providerId, CareAgreementTerms terms, CancellationToken cancellationToken) =>
        await agreements.DraftAsync(holder.Actor, holder.GrantId, providerId, terms, cancellationToken);

    private async Task<long> SubmitAsync(HolderGrant holder, Actor provider, long providerId, CareAgreementTerms terms, CancellationToken cancellationToken)
    {
        var id = await DraftAsync(holder, providerId, terms, cancellationToken);
        await agreements.SignAsProviderAsync(provider, id, cancellationToken);
        await agreements.SignAsBudgetHolderAsync(holder.Actor, id, cancellationToken);
        return id;
    }

    private async Task<HolderGrant> HolderGrantAsync(string bsn, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.Include(g => g.BudgetHolder).Include(g => g.Versions.Where(v => v.IsCurrent)).ThenInclude(v => v.CareFunctionBudgets)
            .AsSplitQuery()
            .FirstAsync(g => g.BudgetHolder!.Bsn == bsn, cancellationToken);
        var budget = grant.CurrentVersion!.CareFunctionBudgets.OrderBy(b => b.StartDate).First();
        var code = budget.CareFunctionCode == Grants.CareFunctionCodes.WholePackage ? "02" : budget.CareFunctionCode;
        var user = await db.Users.Where(u => u.Bsn == bsn).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var actor = Actor.Citizen(user?.Id ?? "demo-" + grant.BudgetHolderId, user?.DisplayName ?? grant.BudgetHolder!.Name.Display, bsn);
        var terms = new CareAgreementTerms(AgreementType.Assignment, [code], budget.StartDate, budget.EndDate, TariffUnit.Hour, 4_500, 16, null, null);
        return new HolderGrant(grant.Id, actor, terms);
    }

    private async Task<Actor> ActorOfEmployeeAsync(string userName, int grantorId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName, cancellationToken);
        return Actor.Employee(user.Id, user.DisplayName, grantorId);
    }

    private async Task<Actor> ActorOfProviderAsync(string userName, long providerId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName && u.Role == PortalRole.CareProvider, cancellationToken);
        return Actor.Provider(user.Id, user.DisplayName, providerId);
    }

    private sealed record HolderGrant(long GrantId, Actor Actor, CareAgreementTerms Terms);
}
