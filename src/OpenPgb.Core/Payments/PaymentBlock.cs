namespace OpenPgb.Core.Payments;

public enum PaymentBlockSubject
{
    BudgetHolder,
    CareProvider,
    CareAgreement,
}

/// <summary>
/// A betalingsblokkade set by a grantor employee: claims of the subject wait (they are not rejected) while the block
/// is in force, and are paid by the first run after it ends or is lifted.
/// </summary>
public sealed class PaymentBlock
{
    private PaymentBlock()
    {
        Reason = string.Empty;
        CreatedBy = string.Empty;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public PaymentBlockSubject Subject { get; private set; }

    public long SubjectId { get; private set; }

    public string Reason { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>Last day of the block; null for until lifted.</summary>
    public DateOnly? Until { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftedBy { get; private set; }

    public static PaymentBlock Create(int grantorId, PaymentBlockSubject subject, long subjectId, string reason, DateOnly from, DateOnly? until, string createdBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (until < from)
        {
            throw new Common.BusinessRuleException("BlokkadePeriode", "De einddatum van de blokkade ligt vóór de begindatum.");
        }

        return new PaymentBlock
        {
            GrantorId = grantorId,
            Subject = subject,
            SubjectId = subjectId,
            Reason = reason.Trim(),
            From = from,
            Until = until,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public bool IsInForceOn(DateOnly date) => LiftedAt is null && From <= date && (Until is null || Until >= date);

    public void Lift(string by, DateTimeOffset now)
    {
        if (LiftedAt is not null)
        {
            throw new Common.IllegalTransitionException($"Payment block {Id} was already lifted.");
        }

        LiftedAt = now;
        LiftedBy = by;
    }
}
