namespace OpenPgb.Core.Payments;

public enum PaymentStatus
{
    /// <summary>In a file sent to the bank.</summary>
    Sent,

    /// <summary>The bank rejected (pain.002) or returned (camt.054) it; reversed in the ledger.</summary>
    Returned,
}

/// <summary>
/// One credit transfer in a payment file: what one grantor pays one provider in one run, the sum of its claims.
/// A snapshot: name and IBAN are those of the moment of the run.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
        EndToEndId = string.Empty;
        CreditorName = string.Empty;
        CreditorIban = string.Empty;
    }

    public long Id { get; private set; }

    public long PaymentRunId { get; private set; }

    public int GrantorId { get; private set; }

    public long CareProviderId { get; private set; }

    /// <summary>Run date, grantor and provider number: traceable on the provider's bank statement, the same on a retry.</summary>
    public string EndToEndId { get; private set; }

    public string CreditorName { get; private set; }

    public string CreditorIban { get; private set; }

    public long AmountCents { get; private set; }

    public int ClaimCount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    public void MarkReturned(string reason, DateTimeOffset now)
    {
        if (Status == PaymentStatus.Returned)
        {
            throw new Common.IllegalTransitionException($"Payment {EndToEndId} was already returned.");
        }

        Status = PaymentStatus.Returned;
        ReturnReason = reason;
        ReturnedAt = now;
    }
}

/// <summary>
/// One claim paid by a payment, keyed by the two. While not returned, a claim has at most one (a unique index holds
/// it); a claim with an unreturned item is paid (ADR 0015). Written only by the payment run's SQL.
/// </summary>
public sealed class PaymentItem
{
    private PaymentItem()
    {
    }

    public long PaymentId { get; private set; }

    public long PaymentRunId { get; private set; }

    public long ClaimId { get; private set; }

    public long AmountCents { get; private set; }

    /// <summary>Set when the payment came back; the claim may then be paid again by a later run.</summary>
    public DateTimeOffset? ReturnedAt { get; private set; }
}
