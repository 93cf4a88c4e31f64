using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Letters;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.CareAgreements;

/// <summary>
/// Every transition of a care agreement, one method each. Each checks who may do it, applies the entity's
/// transition (which throws when illegal), writes the access-log row and saves in one transaction.
/// Refusals: <see cref="NotAllowedException"/> when the actor may not act on this agreement,
/// <see cref="BusinessRuleException"/> when a rule refuses, <see cref="NotVisibleException"/> when it is not visible.
/// </summary>
public sealed class CareAgreementService(
    OpenPgbDbContext db, AccessLog accessLog, WorkTaskService tasks, LetterService letters, GrantorSettingsService settings, TimeProvider time)
{
    private const int AssessmentDays = 14;

    public async Task<long> DraftAsync(Actor actor, long grantId, long careProviderId, CareAgreementTerms terms, CancellationToken cancellationToken)
    {
        var grant = await LoadGrantAsync(grantId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        var provider = await db.CareProviders.SingleOrDefaultAsync(p => p.Id == careProviderId, cancellationToken)
            ?? throw new BusinessRuleException("ZorgverlenerBestaat", "Deze zorgverlener is niet gevonden.");
        CareAgreementRules.Require(terms, grant.CurrentVersion!);
        var agreement = CareAgreement.Draft(grant.Id, grant.GrantorId, grant.BudgetHolderId, provider.Id, terms, time.GetUtcNow());
        db.CareAgreements.Add(agreement);
        await InTransactionAsync(
            () => accessLog.Changed(actor, grant.BudgetHolderId, "zorgovereenkomst concept", $"zorgovereenkomst {agreement.Id} met zorgverlener {provider.ProviderNumber}", onBehalfOf),
            cancellationToken);
        return agreement.Id;
    }

    public async Task UpdateDraftAsync(Actor actor, long agreementId, CareAgreementTerms terms, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        CareAgreementRules.Require(terms, grant.CurrentVersion!);
        agreement.UpdateDraft(terms);
        accessLog.Changed(actor, agreement.BudgetHolderId, "zorgovereenkomst concept gewijzigd", Detail(agreement), onBehalfOf);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SignAsBudgetHolderAsync(Actor actor, long agreementId, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        agreement.SignByHolder(onBehalfOf is null ? actor.Name : $"{actor.Name} voor {onBehalfOf}", time.GetUtcNow());
        accessLog.Changed(actor, agreement.BudgetHolderId, "zorgovereenkomst ondertekend door budgethouder", Detail(agreement), onBehalfOf);
        await SubmitIfSignedAsync(agreement, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SignAsProviderAsync(Actor actor, long agreementId, CancellationToken cancellationToken)
    {
        var (agreement, _) = await LoadAsync(agreementId, cancellationToken);
        if (!Rights.IsUserOf(actor, agreement.CareProviderId))
        {
            throw new NotAllowedException("Only the agreement's own care provider can sign as provider.");
        }

        agreement.SignByProvider(actor.Name, time.GetUtcNow());
        accessLog.Changed(actor, agreement.BudgetHolderId, "zorgovereenkomst ondertekend door zorgverlener", Detail(agreement));
        await SubmitIfSignedAsync(agreement, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The grantor's decision. With four-eyes on, it waits for a second employee; otherwise it is final and the letter
    /// is written. An approval above the maximum tariff is refused.
    /// </summary>
    public async Task AssessAsync(Actor actor, long agreementId, AssessmentDecision decision, string reasonCode, string? text, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        Rights.RequireEmployeeOf(actor, agreement.GrantorId, "assesses a care agreement");
        if (!AssessmentReasons.IsValid(decision, reasonCode))
        {
            throw new BusinessRuleException("RedenPastBijBesluit", "Kies een reden die bij het besluit past.");
        }

        if (reasonCode == "99" && string.IsNullOrWhiteSpace(text))
        {
            throw new BusinessRuleException("ToelichtingBijAndereReden", "Geef een toelichting bij 'Andere reden'.");
        }

        var version = agreement.PendingVersion ?? throw new IllegalTransitionException($"Agreement {agreementId} has nothing to assess.");
        var maximum = await settings.MaximumForAsync(agreement.GrantorId, version.CareFunctionCodes, version.TariffUnit, version.StartDate, cancellationToken);
        if (decision == AssessmentDecision.Approve)
        {
            CareAgreementRules.RequireApprovable(version, maximum);
        }

        var choices = await settings.ProcessChoicesOfAsync(agreement.GrantorId, cancellationToken);
        agreement.Assess(decision, reasonCode, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), actor.UserId, actor.Name, maximum, choices.FourEyesAssessment, time.GetUtcNow());
        await tasks.CompleteOpenAsync(WorkTaskType.AssessAgreement, WorkTaskSubject.CareAgreement, agreement.Id, actor.Name, cancellationToken);
        accessLog.Changed(actor, agreement.BudgetHolderId, decision == AssessmentDecision.Approve ? "zorgovereenkomst goedgekeurd" : "zorgovereenkomst afgekeurd", $"{Detail(agreement)}, reden {reasonCode}");
        if (version.Status == AgreementStatus.AwaitingConfirmation)
        {
            tasks.Create(agreement.GrantorId, WorkTaskType.ConfirmAssessment, WorkTaskSubject.CareAgreement, agreement.Id, agreement.BudgetHolderId, TaskTitle(agreement, version), AssessmentDays);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await WriteLetterAsync(agreement, version, grant, choices.LetterPrinting, cancellationToken);
    }

    /// <summary>Four-eyes: a second, different employee confirms the first one's decision, which then becomes final.</summary>
    public async Task ConfirmAssessmentAsync(Actor actor, long agreementId, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        Rights.RequireEmployeeOf(actor, agreement.GrantorId, "assesses a care agreement");
        var version = agreement.PendingVersion ?? throw new IllegalTransitionException($"Agreement {agreementId} has nothing to confirm.");
        agreement.ConfirmAssessment(actor.UserId, actor.Name, time.GetUtcNow());
        await tasks.CompleteOpenAsync(WorkTaskType.ConfirmAssessment, WorkTaskSubject.CareAgreement, agreement.Id, actor.Name, cancellationToken);
        accessLog.Changed(actor, agreement.BudgetHolderId, "beoordeling bevestigd (vier ogen)", Detail(agreement));
        var choices = await settings.ProcessChoicesOfAsync(agreement.GrantorId, cancellationToken);
        await WriteLetterAsync(agreement, version, grant, choices.LetterPrinting, cancellationToken);
    }

    /// <summary>Four-eyes: the second employee does not agree; the agreement goes back for a new assessment.</summary>
    public async Task ReturnForReassessmentAsync(Actor actor, long agreementId, CancellationToken cancellationToken)
    {
        var (agreement, _) = await LoadAsync(agreementId, cancellationToken);
        Rights.RequireEmployeeOf(actor, agreement.GrantorId, "assesses a care agreement");
        agreement.ReturnForReassessment(actor.UserId);
        await tasks.CompleteOpenAsync(WorkTaskType.ConfirmAssessment, WorkTaskSubject.CareAgreement, agreement.Id, actor.Name, cancellationToken);
        tasks.Create(agreement.GrantorId, WorkTaskType.AssessAgreement, WorkTaskSubject.CareAgreement, agreement.Id, agreement.BudgetHolderId, TaskTitle(agreement, agreement.PendingVersion!), AssessmentDays);
        accessLog.Changed(actor, agreement.BudgetHolderId, "beoordeling teruggelegd (vier ogen)", Detail(agreement));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A change to an approved agreement: a new draft version, signed and assessed again.</summary>
    public async Task StartChangeAsync(Actor actor, long agreementId, CareAgreementTerms terms, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        CareAgreementRules.Require(terms, grant.CurrentVersion!);
        agreement.StartChange(terms);
        accessLog.Changed(actor, agreement.BudgetHolderId, "zorgovereenkomst wijziging gestart", Detail(agreement), onBehalfOf);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends an approved agreement: by the budget holder (or a representative with write rights) or the grantor.</summary>
    public const string EndReasonRule = "RedenVanBeeindiging";

    public const string EndDateRule = "EinddatumBinnenOvereenkomst";

    public async Task EndAsync(Actor actor, long agreementId, DateOnly endDate, string reason, CancellationToken cancellationToken)
    {
        var (agreement, grant) = await LoadAsync(agreementId, cancellationToken);
        // The grantor's employee or the budget holder's side may end an agreement.
        var rights = Rights.RightsOf(actor, GrantFacts.Of(grant));
        var onBehalfOf = rights.CanActAsGrantor ? null : rights.RequireCitizenAction("ends a care agreement");

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException(EndReasonRule, "Geef de reden van beëindiging.");
        }

        var approved = agreement.ApprovedVersion;
        if (approved is not null && (endDate < approved.StartDate || endDate > approved.EndDate))
        {
            throw new BusinessRuleException(EndDateRule, "De einddatum moet binnen de looptijd van de overeenkomst liggen.");
        }

        agreement.End(endDate, reason);
        accessLog.Changed(actor, agreement.BudgetHolderId, "zorgovereenkomst beëindigd", $"{Detail(agreement)} per {endDate:yyyy-MM-dd}", onBehalfOf);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the actor may act on this grant (draft agreements, invite providers, approve claims): the holder or a
    /// representative with write rights. False for a grant outside the actor's scope.
    /// </summary>
    public async Task<bool> CanActOnGrantAsync(Actor actor, long grantId, CancellationToken cancellationToken) =>
        await db.Grants.WithHolderAndCurrentVersion().SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken) is { } grant
        && Rights.RightsOf(actor, GrantFacts.Of(grant)).CanActAsCitizen;

    /// <summary>The holder's name when a representative acts, null for the holder; refuses everyone else, read-only representatives included.</summary>
    private static string? CitizenWriteRights(Actor actor, Grant grant) =>
        Rights.RightsOf(actor, GrantFacts.Of(grant)).RequireCitizenAction("acts on a care agreement");

    private async Task SubmitIfSignedAsync(CareAgreement agreement, CancellationToken cancellationToken)
    {
        if (agreement.PendingVersion is { Status: AgreementStatus.AwaitingAssessment } version)
        {
            var providerName = await db.CareProviders.Where(p => p.Id == agreement.CareProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
            tasks.Create(agreement.GrantorId, WorkTaskType.AssessAgreement, WorkTaskSubject.CareAgreement, agreement.Id, agreement.BudgetHolderId, $"{TaskTitle(agreement, version)} · {providerName}", AssessmentDays);
        }
    }

    private async Task WriteLetterAsync(CareAgreement agreement, CareAgreementVersion version, Grant grant, LetterPrinting printing, CancellationToken cancellationToken)
    {
        var grantor = await db.Grantors.SingleAsync(g => g.Id == agreement.GrantorId, cancellationToken);
        var providerName = await db.CareProviders.Where(p => p.Id == agreement.CareProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var letter = letters.AddDecisionLetter(agreement, version, grant, grantor, providerName, printing);
        await InTransactionAsync(() => letters.AddPrintTask(letter), cancellationToken);
    }

    // Saves, lets the caller add rows that need the generated ids, and saves again, all in one transaction.
    private async Task InTransactionAsync(Action afterIdsAssigned, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        afterIdsAssigned();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Grant> LoadGrantAsync(long grantId, CancellationToken cancellationToken) =>
        await db.Grants.WithHolderAndCurrentVersion().SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken)
        ?? throw new NotVisibleException($"Grant {grantId} is not visible in this scope.");

    private async Task<(CareAgreement Agreement, Grant Grant)> LoadAsync(long agreementId, CancellationToken cancellationToken)
    {
        var agreement = await db.CareAgreements.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new NotVisibleException($"Care agreement {agreementId} is not visible in this scope.");

        // A provider may not see the grant itself; the agreement's visibility is what authorises loading it here.
        var grant = await db.Grants.Unfiltered(Because.GrantOfVisibleAgreement).WithHolderAndCurrentVersion().SingleAsync(g => g.Id == agreement.GrantId, cancellationToken);
        return (agreement, grant);
    }

    private static string Detail(CareAgreement agreement) => $"zorgovereenkomst {agreement.Id} versie {agreement.ShownVersion.Number}";

    private static string TaskTitle(CareAgreement agreement, CareAgreementVersion version) => $"ZOK-{agreement.Id} versie {version.Number}";
}
