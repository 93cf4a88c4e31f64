namespace OpenPgb.Core.Risk;

/// <summary>The risk indicators of the scan; <see cref="RiskIndicators.CodeOf"/> gives their code in signals.csv.</summary>
public enum RiskIndicatorCode
{
    IbanShared,
    ImplausibleHours,
    RepresentativeIsProvider,
    RapidProviderGrowth,
    IbanChangedBeforePayment,
    ClaimBeforeSigning,
    SpendAboveForecast,
    TariffAtMaximum,
}

/// <summary>What a signal is about: its <see cref="RiskSignal.SubjectId"/> is of that kind's table.</summary>
public enum RiskSubjectKind
{
    CareProvider,
    CareAgreement,

    /// <summary>A care-function budget of a grant: the grant's id, with the budget code in the subject text.</summary>
    Budget,
}

/// <summary>What one piece of evidence points at.</summary>
public enum RiskEvidenceKind
{
    Claim,
    CareProvider,
    CareAgreement,
    Payment,
}

public enum RiskSignalStatus
{
    /// <summary>Found by the scan; nobody decided yet.</summary>
    Open,

    /// <summary>An employee is looking into it.</summary>
    Investigating,

    /// <summary>Decided: no risk, with a reason. The same evidence does not raise it again.</summary>
    NoRisk,

    /// <summary>Decided: payments are blocked (the existing payment block, linked to the signal).</summary>
    Blocked,
}

public enum RiskDecisionKind
{
    NoRisk,
    Investigate,
    Block,
}

/// <summary>
/// A risicosignaal: one finding of one indicator for one grantor, about one subject in one period, with only that
/// grantor's part of the evidence. Deduplicated on (indicator, grantor, subject, period): a later scan that finds the
/// same evidence changes nothing; new evidence updates an undecided signal, or raises a new one after a decision.
/// </summary>
public sealed class RiskSignal
{
    private RiskSignal()
    {
        Subject = string.Empty;
        Period = string.Empty;
        Description = string.Empty;
        EvidenceHash = string.Empty;
    }

    internal RiskSignal(RiskFinding finding, string evidenceHash, DateTimeOffset now)
        : this()
    {
        Indicator = finding.Indicator;
        GrantorId = finding.GrantorId;
        SubjectKind = finding.SubjectKind;
        SubjectId = finding.SubjectId;
        Subject = finding.Subject;
        Period = finding.Period;
        DetectedAt = now;
        Status = RiskSignalStatus.Open;
        Update(finding, evidenceHash, now);
    }

    /// <summary>The longest description kept (the column's length).</summary>
    public const int MaxDescription = 2000;

    public long Id { get; private set; }

    public RiskIndicatorCode Indicator { get; private set; }

    public int GrantorId { get; private set; }

    public RiskSubjectKind SubjectKind { get; private set; }

    public long SubjectId { get; private set; }

    /// <summary>The subject as people and signals.csv name it: a provider number, ZOK-number or budget key (never a BSN).</summary>
    public string Subject { get; private set; }

    /// <summary>The period the finding is about ("2026-W41", "2026", "2026-11-24"), empty for a standing situation.</summary>
    public string Period { get; private set; }

    /// <summary>What the indicator found, in Dutch, with its figures.</summary>
    public string Description { get; private set; }

    /// <summary>SHA-256 of the sorted evidence references: the same evidence gives the same hash.</summary>
    public string EvidenceHash { get; private set; }

    public RiskSignalStatus Status { get; private set; }

    public DateTimeOffset DetectedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The budget holder concerned when there is exactly one (for the work task and the access log).</summary>
    public long? BudgetHolderId { get; private set; }

    public List<RiskEvidence> Evidence { get; } = [];

    public List<RiskDecision> Decisions { get; } = [];

    public bool IsDecided => Status is RiskSignalStatus.NoRisk or RiskSignalStatus.Blocked;

    /// <summary>New evidence for a signal nobody decided on yet: it is replaced by what the scan found now.</summary>
    internal void Update(RiskFinding finding, string evidenceHash, DateTimeOffset now)
    {
        if (IsDecided)
        {
            throw new Common.IllegalTransitionException($"Risk signal {Id} is decided ({Status}); new evidence raises a new signal.");
        }

        Description = finding.Description.Length <= MaxDescription ? finding.Description : finding.Description[..(MaxDescription - 1)] + "…";
        EvidenceHash = evidenceHash;
        BudgetHolderId = finding.BudgetHolderId;
        LastSeenAt = now;
        Evidence.Clear();
        Evidence.AddRange(finding.Evidence.Select(e => new RiskEvidence(e.Kind, e.RefId, e.Reference, e.Label, e.AmountCents)));
    }

    internal void Seen(DateTimeOffset now) => LastSeenAt = now;

    internal RiskDecision Decide(RiskDecisionKind kind, string reason, string userId, string by, long? paymentBlockId, DateTimeOffset now)
    {
        if (IsDecided)
        {
            throw new Common.IllegalTransitionException($"Risk signal {Id} is already decided ({Status}).");
        }

        var decision = new RiskDecision(kind, reason, userId, by, paymentBlockId, now);
        Decisions.Add(decision);
        Status = kind switch
        {
            RiskDecisionKind.NoRisk => RiskSignalStatus.NoRisk,
            RiskDecisionKind.Investigate => RiskSignalStatus.Investigating,
            RiskDecisionKind.Block => RiskSignalStatus.Blocked,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision."),
        };
        return decision;
    }
}

/// <summary>One piece of a signal's evidence: a claim, provider, agreement or payment, with what people read of it.</summary>
public sealed class RiskEvidence
{
    private RiskEvidence()
    {
        Reference = string.Empty;
        Label = string.Empty;
    }

    internal RiskEvidence(RiskEvidenceKind kind, long refId, string reference, string label, long? amountCents)
    {
        Kind = kind;
        RefId = refId;
        Reference = reference;
        Label = label;
        AmountCents = amountCents;
    }

    public long Id { get; private set; }

    public long RiskSignalId { get; private set; }

    public RiskEvidenceKind Kind { get; private set; }

    public long RefId { get; private set; }

    /// <summary>The claim id, provider number, ZOK-number or end-to-end id: what signals.csv lists as evidence.</summary>
    public string Reference { get; private set; }

    /// <summary>"declaratie 123, 12-10-2026 t/m 18-10-2026, 40 uur", "ZV10000001 Zorg Op Maat B.V."</summary>
    public string Label { get; private set; }

    public long? AmountCents { get; private set; }
}

/// <summary>A decision on a signal; every decision is kept.</summary>
public sealed class RiskDecision
{
    private RiskDecision()
    {
        Reason = string.Empty;
        DecidedBy = string.Empty;
        DecidedByUserId = string.Empty;
    }

    internal RiskDecision(RiskDecisionKind kind, string reason, string userId, string by, long? paymentBlockId, DateTimeOffset now)
    {
        Kind = kind;
        Reason = reason;
        DecidedByUserId = userId;
        DecidedBy = by;
        PaymentBlockId = paymentBlockId;
        DecidedAt = now;
    }

    public long Id { get; private set; }

    public long RiskSignalId { get; private set; }

    public RiskDecisionKind Kind { get; private set; }

    public string Reason { get; private set; }

    public string DecidedByUserId { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The payment block this decision set, for a <see cref="RiskDecisionKind.Block"/>.</summary>
    public long? PaymentBlockId { get; private set; }
}

/// <summary>What an indicator found for one grantor; the scan turns it into a signal or recognises it.</summary>
public sealed record RiskFinding(
    RiskIndicatorCode Indicator,
    int GrantorId,
    RiskSubjectKind SubjectKind,
    long SubjectId,
    string Subject,
    string Period,
    string Description,
    IReadOnlyList<RiskFindingEvidence> Evidence,
    long? BudgetHolderId = null);

/// <summary>One piece of evidence as an indicator finds it; <see cref="Reference"/> is what signals.csv lists.</summary>
public sealed record RiskFindingEvidence(RiskEvidenceKind Kind, long RefId, string Reference, string Label, long? AmountCents = null)
{
    public static RiskFindingEvidence Claim(long id, string label, long amountCents) =>
        new(RiskEvidenceKind.Claim, id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), label, amountCents);

    public static RiskFindingEvidence Provider(long id, string providerNumber, string name) =>
        new(RiskEvidenceKind.CareProvider, id, providerNumber, $"{providerNumber} {name}");

    public static RiskFindingEvidence Agreement(long id, string label) =>
        new(RiskEvidenceKind.CareAgreement, id, $"ZOK-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", label);

    public static RiskFindingEvidence Payment(long id, string endToEndId, long amountCents) =>
        new(RiskEvidenceKind.Payment, id, endToEndId, $"betaling {endToEndId}", amountCents);
}
