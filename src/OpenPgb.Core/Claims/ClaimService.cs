using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.Claims;

/// <summary>
/// Claims from submission to approval. Submission checks every rule (<see cref="ClaimRules"/>) under a per-provider
/// lock, so parallel submissions never together break a rule that reads other claims; approval commits the budget in
/// the ledger under a per-grant lock, so two approvals never both take the last euro (<see cref="ClaimLocks"/>).
/// Refusals: <see cref="ClaimRefusedException"/> (rules), <see cref="NotAllowedException"/> (rights),
/// <see cref="NotVisibleException"/> (not visible), <see cref="IllegalTransitionException"/> (wrong state).
/// </summary>
public sealed class ClaimService(OpenPgbDbContext db, BudgetLedger ledger, AccessLog accessLog, GrantorSettingsService settings, TimeProvider time)
{
    public const string HolidayAllowanceHold = "Feestdagenuitkering: wacht op vrijgave door de verstrekker";

    public async Task<long> SubmitAsync(Actor actor, ClaimInput input, ClaimChannel channel, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (claim, onBehalfOf) = await CheckAsync(actor, input, channel, cancellationToken);
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        accessLog.Changed(actor, claim.BudgetHolderId, "declaratie ingediend", Detail(claim), onBehalfOf);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claim.Id;
    }

    /// <summary>The status the submitter sees of a claim it has read (paid when a run paid it).</summary>
    public Task<ClaimStatus> StatusOfAsync(Claim claim, CancellationToken cancellationToken) => ClaimStates.OfAsync(db, claim, cancellationToken);

    /// <summary>
    /// Submits once per provider and key (the API's Idempotency-Key, the upload's file and line): the same key with the
    /// same claim answers the stored claim as a repeat; with another claim <see cref="ClaimKeyReusedException"/>. Of
    /// parallel submissions with one key one is stored and the others answer as repeats; any other refusal or database
    /// failure is not a race and is not hidden.
    /// </summary>
    public async Task<(Claim Claim, bool Repeat)> SubmitOnceAsync(Actor actor, ClaimInput input, ClaimChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var key = input.ExternalKey ?? throw new ArgumentException("A keyed submission needs its key.", nameof(input));
        var providerId = actor.CareProviderId ?? throw new NotAllowedException("Only a provider submits claims with a key.");
        if (await ByKeyAsync(providerId, key, cancellationToken) is { } existing)
        {
            return Same(existing, input) ? (existing, true) : throw new ClaimKeyReusedException(key);
        }

        try
        {
            var id = await SubmitAsync(actor, input, channel, cancellationToken);
            return (await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken), false);
        }
        catch (Exception ex) when (ex is DbUpdateException or ClaimRefusedException)
        {
            // A parallel submission with this key got in first: the insert hit the unique index, or (serialised by the
            // provider's lock) the rules now see its claim as a duplicate. Either way it is a repeat, not a refusal.
            db.ChangeTracker.Clear();
            if (await ByKeyAsync(providerId, key, cancellationToken) is { } raced)
            {
                return Same(raced, input) ? (raced, true) : throw new ClaimKeyReusedException(key);
            }

            throw;
        }
    }

    /// <summary>
    /// The monthly job's claim for a fixed monthly agreement: the same rules, no person submitting. Returns the id, or
    /// the refusal. Once per agreement and month: the external key is unique per provider.
    /// </summary>
    public async Task<(long? Id, ClaimRefusedException? Refused)> SubmitFixedMonthlyAsync(long agreementId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var agreement = await db.CareAgreements.Include(a => a.Versions).SingleAsync(a => a.Id == agreementId, cancellationToken);
        var version = agreement.ApprovedVersion ?? throw new IllegalTransitionException($"Agreement {agreementId} is not approved.");
        var key = FixedMonthlyKey(agreementId, from);
        var firstOfNextMonth = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var invoiceDate = firstOfNextMonth < time.Today() ? firstOfNextMonth : time.Today();
        var input = new ClaimInput(agreementId, ClaimKind.FixedMonthly, version.CareFunctionCodes[0], from, to, 1, null, key, invoiceDate, key);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (claim, _) = await CheckAsync(null, input, ClaimChannel.MonthlyJob, cancellationToken);
            db.Claims.Add(claim);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (claim.Id, null);
        }
        catch (ClaimRefusedException refused)
        {
            return (null, refused);
        }
    }

    public static string FixedMonthlyKey(long agreementId, DateOnly month) => $"VAST-{agreementId}-{month:yyyyMM}";

    // Inside the caller's transaction: the provider's lock is held from the first read of other claims to the commit.
    private async Task<(Claim Claim, string? OnBehalfOf)> CheckAsync(Actor? actor, ClaimInput input, ClaimChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agreement = await db.CareAgreements.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == input.CareAgreementId, cancellationToken)
            ?? throw new NotVisibleException($"Care agreement {input.CareAgreementId} is not visible in this scope.");
        var grant = await LoadGrantAsync(agreement.GrantId, cancellationToken);
        var onBehalfOf = actor is null ? null : RequireClaimant(actor, agreement, grant);
        if (actor is not null && input.Kind == ClaimKind.FixedMonthly)
        {
            throw new ClaimRefusedException([new RuleViolation(nameof(AmountPositive), "Een vast maandbedrag wordt elke maand automatisch gedeclareerd.")]);
        }

        // A number no month can hold is refused before any amount is computed from it (units x tariff must fit).
        if (input.Units is < 0 or > UnitsPlausible.MaximumUnits || input.HolidayAllowanceCents is < 0 or > Payments.PayeeCheck.MaximumCents)
        {
            throw new ClaimRefusedException([new RuleViolation(nameof(UnitsPlausible), $"Het aantal eenheden (hoogstens {UnitsPlausible.MaximumUnits}) of het bedrag is onmogelijk groot.")]);
        }

        await ClaimLocks.ProviderClaimsAsync(db, agreement.CareProviderId, cancellationToken);

        var version = agreement.ApprovedVersion;
        var current = grant.CurrentVersion!;
        var budgetCode = BudgetLedger.BudgetCodeFor(current, input.Kind == ClaimKind.HolidayAllowance && version is not null ? version.CareFunctionCodes[0] : input.CareFunctionCode);
        var normalised = input with { CareFunctionCode = input.Kind == ClaimKind.HolidayAllowance && version is not null ? version.CareFunctionCodes[0] : input.CareFunctionCode };
        var claim = version is null ? null : Claim.Submit(normalised, agreement, version, budgetCode, channel, actor?.Name ?? "maandelijkse declaratie", time.GetUtcNow());
        var check = await GatherAsync(normalised, agreement, version, current, budgetCode, claim?.AmountCents ?? 0, cancellationToken);
        var violations = ClaimRules.Violations(check);
        if (violations.Count > 0 || claim is null)
        {
            throw new ClaimRefusedException(violations.Count > 0 ? violations : [new RuleViolation(nameof(AgreementApprovedForPeriodAndCareFunction), "De zorgovereenkomst is niet goedgekeurd.")]);
        }

        return (claim, onBehalfOf);
    }

    /// <summary>
    /// The budget holder (or a representative with write rights) approves: the budget is committed. Approving a claim
    /// that is already approved (a second click, a second tab, a representative at the same moment) changes nothing
    /// and returns false; a rejected claim cannot be approved.
    /// </summary>
    public async Task<bool> ApproveAsync(Actor actor, long claimId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var grantId = await db.Claims.Where(c => c.Id == claimId).Select(c => (long?)c.GrantId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotVisibleException($"Claim {claimId} is not visible in this scope.");
        var grant = await LoadGrantAsync(grantId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        await ClaimLocks.BudgetAsync(db, grantId, cancellationToken);

        // Read after the lock: a parallel approval of this claim has committed by now, and is seen.
        var claim = await LoadAsync(claimId, cancellationToken);
        if (claim.Status is ClaimStatus.Approved or ClaimStatus.Paid or ClaimStatus.Returned)
        {
            return false;
        }

        await ApproveLockedAsync(actor, claim, grant, onBehalfOf, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Approves every submitted claim the actor can act on, oldest first; claims the budget no longer covers stay
    /// submitted and are reported. Returns the approved count and the refusals.
    /// </summary>
    public async Task<(int Approved, IReadOnlyList<(long ClaimId, string Reason)> Refused)> ApproveAllAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var grantIds = await db.Claims.Where(c => c.Status == ClaimStatus.Submitted).Select(c => c.GrantId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var refused = new List<(long, string)>();
        var approved = 0;
        foreach (var grantId in grantIds)
        {
            var grant = await LoadGrantAsync(grantId, cancellationToken);
            var rights = Rights.RightsOf(actor, GrantFacts.Of(grant));
            if (!rights.CanActAsCitizen)
            {
                continue;
            }

            var onBehalfOf = rights.OnBehalfOf;

            // Read after the lock, so a claim approved in parallel is not approved twice.
            await ClaimLocks.BudgetAsync(db, grantId, cancellationToken);
            var claims = await db.Claims.Where(c => c.GrantId == grantId && c.Status == ClaimStatus.Submitted)
                .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            foreach (var claim in claims)
            {
                try
                {
                    await ApproveLockedAsync(actor, claim, grant, onBehalfOf, cancellationToken);
                    approved++;
                }
                catch (BusinessRuleException ex)
                {
                    refused.Add((claim.Id, ex.Message));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (approved, refused);
    }

    public async Task RejectAsync(Actor actor, long claimId, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("RedenVanAfwijzing", "Geef aan waarom u de declaratie afwijst.");
        }

        var claim = await LoadAsync(claimId, cancellationToken);
        var grant = await LoadGrantAsync(claim.GrantId, cancellationToken);
        var onBehalfOf = CitizenWriteRights(actor, grant);
        claim.Reject(actor.Name, reason, time.GetUtcNow());
        accessLog.Changed(actor, claim.BudgetHolderId, "declaratie afgewezen", Detail(claim), onBehalfOf);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A grantor employee releases a held claim (pre-blocked holiday allowance) for the next payment run.</summary>
    public async Task ReleaseAsync(Actor actor, long claimId, CancellationToken cancellationToken)
    {
        var claim = await LoadAsync(claimId, cancellationToken);
        if (!Rights.IsEmployeeOf(actor, claim.GrantorId))
        {
            throw new NotAllowedException("Only an employee of the claim's grantor releases it.");
        }

        claim.Release(actor.Name);
        accessLog.Changed(actor, claim.BudgetHolderId, "declaratie vrijgegeven", Detail(claim));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApproveLockedAsync(Actor actor, Claim claim, Grant grant, string? onBehalfOf, CancellationToken cancellationToken)
    {
        var position = await ledger.PositionAsync(grant.CurrentVersion!, claim.BudgetCode, claim.BudgetYear, cancellationToken);
        if (claim.AmountCents > position.RemainingCents)
        {
            throw new BusinessRuleException(nameof(BudgetSufficient), $"Er is niet genoeg budget meer voor zorgfunctie {claim.BudgetCode} in {claim.BudgetYear} om declaratie {claim.InvoiceNumber} goed te keuren.");
        }

        var choices = await settings.ProcessChoicesOfAsync(claim.GrantorId, cancellationToken);
        var hold = claim.Kind == ClaimKind.HolidayAllowance && choices.PreBlockHolidayAllowance ? HolidayAllowanceHold : null;
        claim.Approve(onBehalfOf is null ? actor.Name : $"{actor.Name} voor {onBehalfOf}", hold, time.GetUtcNow());
        await ledger.BookApprovalAsync(claim, claim.BudgetCode, time.GetUtcNow(), cancellationToken);
        accessLog.Changed(actor, claim.BudgetHolderId, "declaratie goedgekeurd", Detail(claim), onBehalfOf);
    }

    private async Task<ClaimCheck> GatherAsync(ClaimInput input, CareAgreement agreement, CareAgreementVersion? version, GrantVersion grant, string budgetCode, long amount, CancellationToken cancellationToken)
    {
        // Other claims are read past the scope filter: a citizen submitting for an informal carer must still be
        // checked against the provider's other claims, which this actor may not see.
        var claims = db.Claims.Unfiltered(Because.RuleAcrossScopes).AsNoTracking().Where(c => c.Status != ClaimStatus.Rejected);
        var versions = db.CareAgreementVersions.Unfiltered(Because.RuleAcrossScopes);
        var ofAgreement = await claims.Where(c => c.CareAgreementId == agreement.Id).ToListAsync(cancellationToken);
        var hourClaims = version?.TariffUnit == TariffUnit.Hour && input.Kind == ClaimKind.Care
            ? await claims.Where(c => c.CareProviderId == agreement.CareProviderId && c.Kind == ClaimKind.Care
                    && c.PeriodStart <= input.PeriodEnd && c.PeriodEnd >= input.PeriodStart
                    && versions.Any(v => v.Id == c.CareAgreementVersionId && v.TariffUnit == TariffUnit.Hour))
                .ToListAsync(cancellationToken)
            : [];
        var yearStart = new DateOnly(input.PeriodStart.Year, 1, 1);
        var yearEnd = new DateOnly(input.PeriodStart.Year, 12, 31);
        var holidayClaimed = input.Kind == ClaimKind.HolidayAllowance
            ? ofAgreement.Where(c => c.Kind == ClaimKind.HolidayAllowance && c.PeriodStart >= yearStart && c.PeriodStart <= yearEnd).Sum(c => c.AmountCents)
            : 0;
        var invoiceUsed = await db.Claims.Unfiltered(Because.RuleAcrossScopes).AnyAsync(c => c.CareProviderId == agreement.CareProviderId && c.InvoiceNumber == input.InvoiceNumber.Trim(), cancellationToken);
        var maximum = version is null ? null : await settings.MaximumForAsync(agreement.GrantorId, [input.CareFunctionCode], version.TariffUnit, input.PeriodStart, cancellationToken);
        var position = await ledger.PositionAsync(grant, budgetCode, input.PeriodStart.Year, cancellationToken);
        return new ClaimCheck(input, agreement, version, grant, budgetCode, amount, maximum, ofAgreement, hourClaims, position, holidayClaimed, invoiceUsed, time.Today());
    }

    /// <summary>The agreement's own provider; or, for an informal carer, the budget holder or a representative with write rights.</summary>
    private static string? RequireClaimant(Actor actor, CareAgreement agreement, Grant grant)
    {
        if (Rights.IsUserOf(actor, agreement.CareProviderId))
        {
            return null;
        }

        if (agreement.ApprovedVersion?.Type == AgreementType.InformalCarer && Rights.RightsOf(actor, GrantFacts.Of(grant)) is { CanActAsCitizen: true } rights)
        {
            return rights.OnBehalfOf;
        }

        throw new NotAllowedException("Only the agreement's provider, or the budget holder for an informal carer, submits a claim.");
    }

    private static string? CitizenWriteRights(Actor actor, Grant grant) =>
        Rights.RightsOf(actor, GrantFacts.Of(grant)).RequireCitizenAction("decides on a claim");

    private async Task<Claim> LoadAsync(long claimId, CancellationToken cancellationToken) =>
        await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
        ?? throw new NotVisibleException($"Claim {claimId} is not visible in this scope.");

    // The claim's or agreement's visibility authorises loading its grant (a provider cannot see the grant itself).
    private async Task<Grant> LoadGrantAsync(long grantId, CancellationToken cancellationToken) =>
        await db.Grants.Unfiltered(Because.GrantOfVisibleAgreement).WithHolderAndCurrentVersion().SingleAsync(g => g.Id == grantId, cancellationToken);

    private Task<Claim?> ByKeyAsync(long providerId, string key, CancellationToken cancellationToken) =>
        db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.CareProviderId == providerId && c.ExternalKey == key, cancellationToken);

    private static bool Same(Claim claim, ClaimInput input) =>
        claim.CareAgreementId == input.CareAgreementId && claim.Kind == input.Kind && claim.PeriodStart == input.PeriodStart && claim.PeriodEnd == input.PeriodEnd
        && claim.InvoiceNumber == input.InvoiceNumber.Trim() && (input.Kind != ClaimKind.Care || (claim.Units == input.Units && claim.CareFunctionCode == input.CareFunctionCode));

    private static string Detail(Claim claim) => $"declaratie {claim.Id} factuur {claim.InvoiceNumber}, {Money.FormatEuro(claim.AmountCents)}";
}
