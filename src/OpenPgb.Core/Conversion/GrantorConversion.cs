namespace OpenPgb.Core.Conversion;

/// <summary>
/// The record of a grantor's completed conversion from PGB1: there is at most one per grantor (a unique index), and it
/// is written in the same transaction as everything converted, so its presence means the whole conversion is there
/// and its absence that none of it is. A second run finds it and answers <c>already-converted</c>.
/// </summary>
public sealed class GrantorConversion
{
    private GrantorConversion()
    {
        ManifestSha256 = string.Empty;
        ConvertedBy = string.Empty;
    }

    public GrantorConversion(int grantorId, DateOnly referenceDate, string manifestSha256, ConversionSummary summary, string convertedBy, DateTimeOffset convertedAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        GrantorId = grantorId;
        ReferenceDate = referenceDate;
        ManifestSha256 = manifestSha256;
        ConvertedBy = convertedBy;
        ConvertedAt = convertedAt;
        BudgetHolders = summary.BudgetHolders;
        Stragglers = summary.Stragglers;
        Grants = summary.Grants;
        ProvidersCreated = summary.ProvidersCreated;
        ProvidersMatched = summary.ProvidersMatched;
        Agreements = summary.Agreements;
        Claims = summary.Claims;
        Payments = summary.Payments;
        PaidCents = summary.PaidCents;
        CommittedCents = summary.CommittedCents;
        SubmittedCents = summary.SubmittedCents;
        Warnings = summary.Warnings;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    /// <summary>The export's peildatum.</summary>
    public DateOnly ReferenceDate { get; private set; }

    /// <summary>SHA-256 of the export's manifest: which delivery was converted.</summary>
    public string ManifestSha256 { get; private set; }

    public DateTimeOffset ConvertedAt { get; private set; }

    public string ConvertedBy { get; private set; }

    public int BudgetHolders { get; private set; }

    public int Stragglers { get; private set; }

    public int Grants { get; private set; }

    public int ProvidersCreated { get; private set; }

    public int ProvidersMatched { get; private set; }

    public int Agreements { get; private set; }

    public int Claims { get; private set; }

    public int Payments { get; private set; }

    public long PaidCents { get; private set; }

    public long CommittedCents { get; private set; }

    public long SubmittedCents { get; private set; }

    public int Warnings { get; private set; }

    /// <summary>The summary as it was when the conversion was done, with the given status (a second run: already-converted).</summary>
    public ConversionSummary Summary(string grantorCode, string status) => new(
        grantorCode, status, BudgetHolders, Stragglers, Grants, ProvidersCreated, ProvidersMatched, Agreements, Claims, Payments,
        PaidCents, CommittedCents, SubmittedCents, BlockingFindings: 0, Warnings);
}

/// <summary>
/// A budget holder left behind on PGB1 (<c>blijft_in_pgb1 = J</c>): nothing of theirs is converted, and once the grantor
/// is live a 501 for this BSN is refused with retour code 9011.
/// </summary>
public sealed class Straggler
{
    private Straggler()
    {
        Bsn = string.Empty;
    }

    public Straggler(int grantorId, string bsn, StragglerReason reason)
    {
        GrantorId = grantorId;
        Bsn = bsn;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public string Bsn { get; private set; }

    public StragglerReason Reason { get; private set; }
}

/// <summary>
/// A payment the old system made for a carried-over (BET) claim: booked against the conversion account with its own
/// date, shown to the budget holder, and never part of a payment run or a pain.001.
/// </summary>
public sealed class CarriedOverPayment
{
    private CarriedOverPayment()
    {
        Pgb1Number = string.Empty;
        Iban = string.Empty;
        Reference = string.Empty;
    }

    public CarriedOverPayment(Claims.Claim claim, string pgb1Number, DateOnly paidOn, long amountCents, string iban, string reference)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Status != Claims.ClaimStatus.Paid || claim.Channel != Claims.ClaimChannel.Conversion)
        {
            throw new Common.IllegalTransitionException("Only a paid claim carried over from PGB1 has a carried-over payment.");
        }

        Claim = claim;
        GrantorId = claim.GrantorId;
        GrantId = claim.GrantId;
        CareProviderId = claim.CareProviderId;
        Pgb1Number = pgb1Number;
        PaidOn = paidOn;
        AmountCents = amountCents;
        Iban = iban;
        Reference = reference;
    }

    public long Id { get; private set; }

    public long ClaimId { get; private set; }

    public Claims.Claim? Claim { get; private set; }

    public int GrantorId { get; private set; }

    public long GrantId { get; private set; }

    public long CareProviderId { get; private set; }

    /// <summary>The old system's payment number (<c>betaling</c>).</summary>
    public string Pgb1Number { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public long AmountCents { get; private set; }

    public string Iban { get; private set; }

    public string Reference { get; private set; }
}
