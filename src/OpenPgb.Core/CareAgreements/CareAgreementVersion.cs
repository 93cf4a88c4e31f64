namespace OpenPgb.Core.CareAgreements;

public enum AgreementStatus
{
    Draft,
    SignedByHolder,
    SignedByProvider,
    AwaitingAssessment,

    /// <summary>Four-eyes: a first employee decided; a second, different one must confirm.</summary>
    AwaitingConfirmation,
    Approved,
    Rejected,

    /// <summary>An approved version replaced by an approved change.</summary>
    Superseded,
    Ended,
}

public enum AssessmentDecision
{
    Approve,
    Reject,
}

/// <summary>
/// One version of a care agreement: the terms as signed, the signatures and the grantor's assessment. Once signed
/// the terms never change, so what was approved stays what it was; a change is a new version.
/// </summary>
public sealed class CareAgreementVersion
{
    private CareAgreementVersion()
    {
        CareFunctionCodes = [];
        ThirdPartyClause = AgreementTexts.ThirdPartyClause;
    }

    internal CareAgreementVersion(int number, CareAgreementTerms terms)
    {
        Number = number;
        Status = AgreementStatus.Draft;
        CareFunctionCodes = [];
        ThirdPartyClause = AgreementTexts.ThirdPartyClause;
        SetTerms(terms);
    }

    public long Id { get; private set; }

    public long CareAgreementId { get; private set; }

    public CareAgreement? CareAgreement { get; private set; }

    public int Number { get; private set; }

    public AgreementStatus Status { get; private set; }

    public AgreementType Type { get; private set; }

    public List<string> CareFunctionCodes { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public TariffUnit TariffUnit { get; private set; }

    public long TariffCents { get; private set; }

    public int ExpectedUnitsPerMonth { get; private set; }

    public long? FixedMonthlyCents { get; private set; }

    public long? HolidayAllowanceCents { get; private set; }

    /// <summary>The derdenbeding as it stood when this version was made; set by the constructor only.</summary>
    public string ThirdPartyClause { get; private set; }

    public DateTimeOffset? SignedByHolderAt { get; private set; }

    /// <summary>"Naam" or "Naam voor Budgethouder" when a representative signed.</summary>
    public string? SignedByHolderName { get; private set; }

    public DateTimeOffset? SignedByProviderAt { get; private set; }

    public string? SignedByProviderName { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public AssessmentDecision? Decision { get; private set; }

    public string? DecisionReasonCode { get; private set; }

    public string? DecisionText { get; private set; }

    public string? AssessedByUserId { get; private set; }

    public string? AssessedByName { get; private set; }

    public DateTimeOffset? AssessedAt { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The maximum tariff that applied when the version was approved (snapshot), if the grantor had one.</summary>
    public long? MaximumTariffCentsAtDecision { get; private set; }

    public CareAgreementTerms Terms => new(Type, CareFunctionCodes, StartDate, EndDate, TariffUnit, TariffCents, ExpectedUnitsPerMonth, FixedMonthlyCents, HolidayAllowanceCents);

    public bool IsPending => IsPendingStatus(Status);

    /// <summary>In progress: being drafted, signed or assessed (at most one version of an agreement at a time).</summary>
    /// <summary>The one version of an agreement carried over from PGB1: approved there (or ended), never assessed here.</summary>
    internal static CareAgreementVersion CarriedOver(CareAgreementTerms terms, bool ended, DateTimeOffset now)
    {
        var version = new CareAgreementVersion(1, terms)
        {
            Status = ended ? AgreementStatus.Ended : AgreementStatus.Approved,
            ThirdPartyClause = AgreementTexts.CarriedOverThirdPartyClause,
            SignedByHolderName = Claims.Claim.CarriedOverBy,
            SignedByProviderName = Claims.Claim.CarriedOverBy,
            Decision = AssessmentDecision.Approve,
            AssessedByName = Claims.Claim.CarriedOverBy,
            DecidedAt = now,
        };
        return version;
    }

    public static bool IsPendingStatus(AgreementStatus status) => status is AgreementStatus.Draft or AgreementStatus.SignedByHolder
        or AgreementStatus.SignedByProvider or AgreementStatus.AwaitingAssessment or AgreementStatus.AwaitingConfirmation;

    internal void UpdateTerms(CareAgreementTerms terms)
    {
        Require(AgreementStatus.Draft, "change the terms of");
        SetTerms(terms);
    }

    internal void SignByHolder(string signedBy, DateTimeOffset now)
    {
        Status = Status switch
        {
            AgreementStatus.Draft => AgreementStatus.SignedByHolder,
            AgreementStatus.SignedByProvider => AgreementStatus.AwaitingAssessment,
            _ => throw Illegal("sign as budget holder"),
        };
        SignedByHolderAt = now;
        SignedByHolderName = signedBy;
        SubmittedAt = Status == AgreementStatus.AwaitingAssessment ? now : null;
    }

    internal void SignByProvider(string signedBy, DateTimeOffset now)
    {
        Status = Status switch
        {
            AgreementStatus.Draft => AgreementStatus.SignedByProvider,
            AgreementStatus.SignedByHolder => AgreementStatus.AwaitingAssessment,
            _ => throw Illegal("sign as provider"),
        };
        SignedByProviderAt = now;
        SignedByProviderName = signedBy;
        SubmittedAt = Status == AgreementStatus.AwaitingAssessment ? now : null;
    }

    internal void Assess(AssessmentDecision decision, string reasonCode, string? text, string userId, string userName, long? maximumTariffCents, bool fourEyes, DateTimeOffset now)
    {
        Require(AgreementStatus.AwaitingAssessment, "assess");
        Decision = decision;
        DecisionReasonCode = reasonCode;
        DecisionText = text;
        AssessedByUserId = userId;
        AssessedByName = userName;
        AssessedAt = now;
        MaximumTariffCentsAtDecision = maximumTariffCents;
        if (fourEyes)
        {
            Status = AgreementStatus.AwaitingConfirmation;
        }
        else
        {
            Decide(now);
        }
    }

    internal void Confirm(string userId, string userName, DateTimeOffset now)
    {
        Require(AgreementStatus.AwaitingConfirmation, "confirm the assessment of");
        if (userId == AssessedByUserId)
        {
            throw new Common.IllegalTransitionException("Four-eyes: the second assessor must be another employee than the first.");
        }

        ConfirmedByUserId = userId;
        ConfirmedByName = userName;
        Decide(now);
    }

    /// <summary>The second assessor disagrees: the decision is withdrawn and the version waits for a new assessment.</summary>
    internal void ReturnForReassessment(string userId)
    {
        Require(AgreementStatus.AwaitingConfirmation, "return");
        if (userId == AssessedByUserId)
        {
            throw new Common.IllegalTransitionException("Four-eyes: the first assessor cannot return their own decision.");
        }

        Status = AgreementStatus.AwaitingAssessment;
        Decision = null;
        DecisionReasonCode = null;
        DecisionText = null;
        AssessedByUserId = null;
        AssessedByName = null;
        AssessedAt = null;
        MaximumTariffCentsAtDecision = null;
    }

    internal void Supersede() => Status = Status == AgreementStatus.Approved ? AgreementStatus.Superseded : throw Illegal("supersede");

    internal void End() => Status = Status == AgreementStatus.Approved ? AgreementStatus.Ended : throw Illegal("end");

    private void Decide(DateTimeOffset now)
    {
        Status = Decision == AssessmentDecision.Approve ? AgreementStatus.Approved : AgreementStatus.Rejected;
        DecidedAt = now;
    }

    private void SetTerms(CareAgreementTerms terms)
    {
        Type = terms.Type;
        CareFunctionCodes = [.. terms.CareFunctionCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        StartDate = terms.StartDate;
        EndDate = terms.EndDate;
        TariffUnit = terms.TariffUnit;
        TariffCents = terms.TariffCents;
        ExpectedUnitsPerMonth = terms.ExpectedUnitsPerMonth;
        FixedMonthlyCents = terms.FixedMonthlyCents;
        HolidayAllowanceCents = terms.HolidayAllowanceCents;
    }

    private void Require(AgreementStatus expected, string action)
    {
        if (Status != expected)
        {
            throw Illegal(action);
        }
    }

    private Common.IllegalTransitionException Illegal(string action) =>
        new($"Cannot {action} version {Number} of a care agreement in status {Status}.");
}
