namespace OpenPgb.Core.Claims;

public enum ClaimStatus
{
    /// <summary>Ingediend: waits for the budget holder.</summary>
    Submitted,

    /// <summary>
    /// Goedgekeurd by the budget holder: budget committed, payable in the next run unless blocked or held. A run does
    /// not change the stored status of what it pays: an approved claim with an unreturned payment item is paid
    /// (<see cref="ClaimStates"/>; ADR 0015).
    /// </summary>
    Approved,

    /// <summary>Afgekeurd by the budget holder: nothing booked.</summary>
    Rejected,

    /// <summary>
    /// Paid: booked as spent and in a payment file. Stored only for claims the old system (PGB1) paid; a claim paid by
    /// a run keeps its stored <see cref="Approved"/> and is paid because of its payment item (<see cref="ClaimStates"/>).
    /// </summary>
    Paid,

    /// <summary>The bank returned the payment; payable again once the provider's IBAN is corrected.</summary>
    Returned,
}

public enum ClaimKind
{
    /// <summary>Care delivered: units times the agreement's tariff.</summary>
    Care,

    /// <summary>Feestdagenuitkering of an informal carer, within the agreement's yearly cap.</summary>
    HolidayAllowance,

    /// <summary>The fixed monthly amount of an agreement, made by the monthly job.</summary>
    FixedMonthly,
}

public enum ClaimChannel
{
    Portal,
    CsvUpload,
    Api,
    MonthlyJob,

    /// <summary>Carried over from the old system (PGB1) by a grantor's conversion; its external key is the old claim number.</summary>
    Conversion,
}

/// <summary>
/// A declaratie: a provider's claim for care under one approved agreement, one care function and one calendar month.
/// The amount is computed once, from the units and the tariff of the agreement version in force, and never changes.
/// Each transition is one method and throws when the claim is not in a state that allows it.
/// </summary>
public sealed class Claim
{
    private Claim()
    {
        CareFunctionCode = string.Empty;
        BudgetCode = string.Empty;
        InvoiceNumber = string.Empty;
        SubmittedBy = string.Empty;
    }

    public long Id { get; private set; }

    public long CareAgreementId { get; private set; }

    /// <summary>The approved agreement version whose tariff was applied.</summary>
    public long CareAgreementVersionId { get; private set; }

    public long GrantId { get; private set; }

    public int GrantorId { get; private set; }

    public long BudgetHolderId { get; private set; }

    public long CareProviderId { get; private set; }

    public ClaimKind Kind { get; private set; }

    public string CareFunctionCode { get; private set; }

    /// <summary>The care-function budget it spends: its own care function, or 99 when the grant is a whole package.</summary>
    public string BudgetCode { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>Hours, day parts, days, months or pieces, with at most two decimals.</summary>
    public decimal Units { get; private set; }

    public long TariffCents { get; private set; }

    public long AmountCents { get; private set; }

    public string InvoiceNumber { get; private set; }

    public DateOnly InvoiceDate { get; private set; }

    public ClaimChannel Channel { get; private set; }

    public ClaimStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Why an approved claim waits for an employee (e.g. the pre-blocked holiday allowance); null when it does not.</summary>
    public string? HoldReason { get; private set; }

    public string? ReleasedBy { get; private set; }

    /// <summary>The provider's software's idempotency key (API) or the upload's row key (CSV); unique per provider.</summary>
    public string? ExternalKey { get; private set; }

    /// <summary>
    /// The day an approved claim must be paid by: <see cref="PaymentNormBankingDays"/> banking days after its approval
    /// (Amsterdam date), by the runs' banking-day calendar. Null until approved (and for claims PGB1 paid).
    /// </summary>
    public DateOnly? PaymentDueOn { get; private set; }

    /// <summary>The calendar year whose budget this claim spends: the year of its period (stored for set-based bookings).</summary>
    public int BudgetYear { get; private set; }

    /// <summary>Its place in the payment queue while it waits for a run; set by the transitions that make it payable.</summary>
    internal PayableClaim? Payable { get; private set; }

    /// <summary>A new claim; the tariff comes from the agreement version in force, never from the claimant.</summary>
    public static Claim Submit(ClaimInput input, CareAgreements.CareAgreement agreement, CareAgreements.CareAgreementVersion version, string budgetCode, ClaimChannel channel, string submittedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(version);
        var (units, tariff) = input.Kind switch
        {
            ClaimKind.Care => (input.Units, version.TariffCents),
            ClaimKind.HolidayAllowance => (1m, input.HolidayAllowanceCents ?? 0),
            ClaimKind.FixedMonthly => (1m, version.FixedMonthlyCents ?? 0),
        };
        return new Claim
        {
            CareAgreementId = agreement.Id,
            CareAgreementVersionId = version.Id,
            GrantId = agreement.GrantId,
            GrantorId = agreement.GrantorId,
            BudgetHolderId = agreement.BudgetHolderId,
            CareProviderId = agreement.CareProviderId,
            Kind = input.Kind,
            CareFunctionCode = input.CareFunctionCode,
            BudgetCode = budgetCode,
            PeriodStart = input.PeriodStart,
            PeriodEnd = input.PeriodEnd,
            BudgetYear = input.PeriodStart.Year,
            Units = units,
            TariffCents = tariff,
            AmountCents = AmountOf(units, tariff),
            InvoiceNumber = input.InvoiceNumber.Trim(),
            InvoiceDate = input.InvoiceDate,
            Channel = channel,
            Status = ClaimStatus.Submitted,
            SubmittedAt = now,
            SubmittedBy = submittedBy,
            ExternalKey = input.ExternalKey,
        };
    }

    /// <summary>
    /// A claim of the old system, carried over as it was: its own amount (the old system's, never recomputed), status
    /// and dates. Paid (BET) claims are paid already (a <see cref="Conversion.CarriedOverPayment"/>), approved (GOED)
    /// ones wait for the next payment run, submitted (IND) ones for the budget holder.
    /// </summary>
    public static Claim CarryOver(CarriedOverClaim old, CareAgreements.CareAgreement agreement, CareAgreements.CareAgreementVersion version, string budgetCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(version);
        var submittedAt = new DateTimeOffset(old.SubmittedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var decided = old.Status is ClaimStatus.Submitted ? (DateTimeOffset?)null : submittedAt;
        var claim = new Claim
        {
            CareAgreementId = agreement.Id,
            CareAgreementVersionId = version.Id,
            GrantId = agreement.GrantId,
            GrantorId = agreement.GrantorId,
            BudgetHolderId = agreement.BudgetHolderId,
            CareProviderId = agreement.CareProviderId,
            Kind = version.FixedMonthlyCents is null ? ClaimKind.Care : ClaimKind.FixedMonthly,
            CareFunctionCode = old.CareFunctionCode,
            BudgetCode = budgetCode,
            PeriodStart = old.PeriodStart,
            PeriodEnd = old.PeriodEnd,
            BudgetYear = old.PeriodStart.Year,
            Units = old.Units,
            TariffCents = version.FixedMonthlyCents ?? version.TariffCents,
            AmountCents = old.AmountCents,
            InvoiceNumber = old.InvoiceNumber,
            InvoiceDate = old.SubmittedOn,
            Channel = ClaimChannel.Conversion,
            Status = old.Status,
            SubmittedAt = submittedAt,
            SubmittedBy = CarriedOverBy,
            DecidedAt = decided,
            DecidedBy = decided is null ? null : CarriedOverBy,
            RejectionReason = old.Status == ClaimStatus.Rejected ? "Afgekeurd in PGB1" : null,
            ExternalKey = ExternalKeyOf(old.Pgb1Number),
        };
        if (claim.Status == ClaimStatus.Approved)
        {
            // Approved in PGB1, payable here from the conversion on: the norm runs from then.
            claim.PaymentDueOn = PaymentDueAfter(now);
            claim.Payable = PayableClaim.Of(claim);
        }

        return claim;
    }

    /// <summary>Who submitted and decided a carried-over claim, as the portal shows it.</summary>
    public const string CarriedOverBy = "PGB1 (overgenomen)";

    /// <summary>The external key of a carried-over claim: the old system's number, prefixed so it never meets a provider's own key.</summary>
    public static string ExternalKeyOf(string pgb1Number) => "PGB1:" + pgb1Number;

    /// <summary>Units times tariff, rounded half away from zero to whole cents; decimal arithmetic, never floating point.</summary>
    public static long AmountOf(decimal units, long tariffCents) => (long)decimal.Round(units * tariffCents, 0, MidpointRounding.AwayFromZero);

    /// <summary>The payment norm: an approved claim is paid within this many banking days.</summary>
    public const int PaymentNormBankingDays = 5;

    public static DateOnly PaymentDueAfter(DateTimeOffset approvedAt) =>
        Payments.BankingCalendar.AddBankingDays(DateOnly.FromDateTime(Common.AmsterdamClock.ToAmsterdam(approvedAt).DateTime), PaymentNormBankingDays);

    public void Approve(string by, string? holdReason, DateTimeOffset now)
    {
        Require(ClaimStatus.Submitted, "approve");
        Status = ClaimStatus.Approved;
        DecidedBy = by;
        DecidedAt = now;
        PaymentDueOn = PaymentDueAfter(now);
        HoldReason = holdReason;
        if (holdReason is null)
        {
            Payable = PayableClaim.Of(this);
        }
    }

    public void Reject(string by, string reason, DateTimeOffset now)
    {
        Require(ClaimStatus.Submitted, "reject");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = ClaimStatus.Rejected;
        DecidedBy = by;
        DecidedAt = now;
        RejectionReason = reason.Trim();
    }

    /// <summary>An employee releases a held claim (e.g. a pre-blocked holiday allowance) for payment.</summary>
    public void Release(string by)
    {
        Require(ClaimStatus.Approved, "release");
        if (HoldReason is null)
        {
            throw new Common.IllegalTransitionException($"Claim {Id} is not held.");
        }

        HoldReason = null;
        ReleasedBy = by;
        Payable = PayableClaim.Of(this);
    }

    /// <summary>The provider corrected the IBAN of a returned payment: the claim is payable again.</summary>
    public void MakePayableAgain()
    {
        Require(ClaimStatus.Returned, "make payable again");
        Status = ClaimStatus.Approved;
        Payable = PayableClaim.Of(this);
    }

    private void Require(ClaimStatus status, string action)
    {
        if (Status != status)
        {
            throw new Common.IllegalTransitionException($"Claim {Id} is {Status}; cannot {action}.");
        }
    }
}

/// <summary>What the conversion carries over of one old claim (the agreement and budget come from the conversion's own links).</summary>
public sealed record CarriedOverClaim(string Pgb1Number, string CareFunctionCode, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Units, long AmountCents, ClaimStatus Status, string InvoiceNumber, DateOnly SubmittedOn);
