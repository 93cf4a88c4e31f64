namespace OpenPgb.Core.Claims;

/// <summary>
/// A claim waiting for the next payment run: approved, not held, not paid. Approval, release and a corrected IBAN after
/// a returned payment put a claim here; a hold takes it out; the payment run pays what it finds here and deletes the
/// rows it paid. The run therefore reads and writes only the claims it pays, never the claims table, however large
/// that grows (ADR 0015). The row carries the claim's own unchanging fields that the run needs, so the run never joins
/// the claims; <c>openpgb ledger verify</c> checks that the queue holds exactly the payable claims, with their values.
/// </summary>
public sealed class PayableClaim
{
    private PayableClaim()
    {
        BudgetCode = string.Empty;
    }

    public long ClaimId { get; private set; }

    public int GrantorId { get; private set; }

    public long CareProviderId { get; private set; }

    public long BudgetHolderId { get; private set; }

    public long CareAgreementId { get; private set; }

    public long GrantId { get; private set; }

    public string BudgetCode { get; private set; }

    public int BudgetYear { get; private set; }

    public long AmountCents { get; private set; }

    internal static PayableClaim Of(Claim claim) => new()
    {
        ClaimId = claim.Id,
        GrantorId = claim.GrantorId,
        CareProviderId = claim.CareProviderId,
        BudgetHolderId = claim.BudgetHolderId,
        CareAgreementId = claim.CareAgreementId,
        GrantId = claim.GrantId,
        BudgetCode = claim.BudgetCode,
        BudgetYear = claim.BudgetYear,
        AmountCents = claim.AmountCents,
    };
}
