namespace OpenPgb.Core.CareAgreements;

/// <summary>
/// A zorgovereenkomst between a budget holder and a care provider, within one grant. Its versions carry the terms;
/// at most one version is pending (draft, signing or assessment) and at most one is in force (approved). Each
/// transition is one method here, called by one method of <see cref="CareAgreementService"/>, and throws when the
/// agreement is not in a state that allows it.
/// </summary>
public sealed class CareAgreement
{
    private CareAgreement()
    {
    }

    private CareAgreement(long grantId, int grantorId, long budgetHolderId, long careProviderId, DateTimeOffset createdAt)
    {
        GrantId = grantId;
        GrantorId = grantorId;
        BudgetHolderId = budgetHolderId;
        CareProviderId = careProviderId;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long GrantId { get; private set; }

    public Grants.Grant? Grant { get; private set; }

    /// <summary>Copied from the grant so that grantor scoping needs no join.</summary>
    public int GrantorId { get; private set; }

    public long BudgetHolderId { get; private set; }

    public long CareProviderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>The old system's agreement number when carried over from PGB1; null for an agreement made in OpenPgb.</summary>
    public string? Pgb1Number { get; private set; }

    public bool IsCarriedOver => Pgb1Number is not null;

    public List<CareAgreementVersion> Versions { get; } = [];

    public CareAgreementVersion? PendingVersion => Versions.SingleOrDefault(v => v.IsPending);

    public CareAgreementVersion? ApprovedVersion => Versions.SingleOrDefault(v => v.Status is AgreementStatus.Approved or AgreementStatus.Ended);

    public CareAgreementVersion LatestVersion => Versions.MaxBy(v => v.Number) ?? throw new InvalidOperationException("An agreement always has a version.");

    /// <summary>The version a user sees: the pending one while one is in progress, else the latest.</summary>
    public CareAgreementVersion ShownVersion => PendingVersion ?? LatestVersion;

    public AgreementStatus Status => ShownVersion.Status;

    public static CareAgreement Draft(long grantId, int grantorId, long budgetHolderId, long careProviderId, CareAgreementTerms terms, DateTimeOffset now)
    {
        var agreement = new CareAgreement(grantId, grantorId, budgetHolderId, careProviderId, now);
        agreement.Versions.Add(new CareAgreementVersion(1, terms));
        return agreement;
    }

    /// <summary>
    /// An agreement the old system approved (and perhaps ended), carried over by a conversion: one version, approved or
    /// ended, signed and assessed in PGB1, its third-party clause recorded as carried over.
    /// </summary>
    public static CareAgreement CarryOver(long grantId, int grantorId, long budgetHolderId, long careProviderId, CareAgreementTerms terms, string pgb1Number, bool ended, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pgb1Number);
        ArgumentNullException.ThrowIfNull(terms);
        var agreement = new CareAgreement(grantId, grantorId, budgetHolderId, careProviderId, now) { Pgb1Number = pgb1Number };
        agreement.Versions.Add(CareAgreementVersion.CarriedOver(terms, ended, now));
        if (ended)
        {
            agreement.EndedOn = terms.EndDate;
            agreement.EndReason = "Beëindigd in PGB1";
        }

        return agreement;
    }

    public void UpdateDraft(CareAgreementTerms terms) => Pending("change").UpdateTerms(terms);

    public void SignByHolder(string signedBy, DateTimeOffset now) => Pending("sign").SignByHolder(signedBy, now);

    public void SignByProvider(string signedBy, DateTimeOffset now) => Pending("sign").SignByProvider(signedBy, now);

    public void Assess(AssessmentDecision decision, string reasonCode, string? text, string userId, string userName, long? maximumTariffCents, bool fourEyes, DateTimeOffset now)
    {
        var pending = Pending("assess");
        pending.Assess(decision, reasonCode, text, userId, userName, maximumTariffCents, fourEyes, now);
        SupersedeIfDecided(pending);
    }

    public void ConfirmAssessment(string userId, string userName, DateTimeOffset now)
    {
        var pending = Pending("confirm");
        pending.Confirm(userId, userName, now);
        SupersedeIfDecided(pending);
    }

    public void ReturnForReassessment(string userId) => Pending("return").ReturnForReassessment(userId);

    /// <summary>A change of an approved agreement: a new draft version; the approved one stays in force until its successor is approved.</summary>
    public CareAgreementVersion StartChange(CareAgreementTerms terms)
    {
        if (EndedOn is not null || Versions.All(v => v.Status != AgreementStatus.Approved))
        {
            throw new Common.IllegalTransitionException($"Only an approved agreement in force can be changed; agreement {Id} is {Status}.");
        }

        if (PendingVersion is not null)
        {
            throw new Common.IllegalTransitionException($"Agreement {Id} has a change in progress already.");
        }

        var next = new CareAgreementVersion(LatestVersion.Number + 1, terms);
        Versions.Add(next);
        return next;
    }

    public void End(DateOnly endDate, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var approved = Versions.SingleOrDefault(v => v.Status == AgreementStatus.Approved)
            ?? throw new Common.IllegalTransitionException($"Only an approved agreement can be ended; agreement {Id} is {Status}.");
        if (PendingVersion is not null)
        {
            throw new Common.IllegalTransitionException($"Agreement {Id} has a change in progress; finish or withdraw it before ending.");
        }

        approved.End();
        EndedOn = endDate;
        EndReason = reason.Trim();
    }

    private void SupersedeIfDecided(CareAgreementVersion decided)
    {
        if (decided.Status != AgreementStatus.Approved)
        {
            return;
        }

        foreach (var older in Versions.Where(v => v != decided && v.Status == AgreementStatus.Approved))
        {
            older.Supersede();
        }
    }

    private CareAgreementVersion Pending(string action) =>
        PendingVersion ?? throw new Common.IllegalTransitionException($"Cannot {action} agreement {Id}: no version is in progress (status {Status}).");
}
