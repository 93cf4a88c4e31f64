namespace OpenPgb.Core.Payments;

public enum PaymentRunKind
{
    /// <summary>The scheduled run: at most one per business date.</summary>
    Daily,

    /// <summary>Started by an operator.</summary>
    Manual,
}

public enum PaymentRunStatus
{
    /// <summary>Claims selected, payments snapshotted and booked, in one transaction; the file is not written yet.</summary>
    Booked,

    /// <summary>The pain.001 file is written, validated and its hash recorded.</summary>
    Completed,
}

/// <summary>
/// A betaalrun. It comes into existence only together with everything it pays (one transaction), so a crash either
/// leaves no run at all or a booked run whose file can be written again, byte for byte the same.
/// </summary>
public sealed class PaymentRun
{
    private PaymentRun()
    {
        MessageId = string.Empty;
        StartedBy = string.Empty;
    }

    public long Id { get; private set; }

    public PaymentRunKind Kind { get; private set; }

    public DateOnly BusinessDate { get; private set; }

    /// <summary>Requested execution date: the first TARGET2 banking day on or after the business date.</summary>
    public DateOnly ExecutionDate { get; private set; }

    /// <summary>The file's MsgId, derived from date, kind and sequence so that a retried run gets the same one.</summary>
    public string MessageId { get; private set; }

    public PaymentRunStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string StartedBy { get; private set; }

    public int PaymentCount { get; private set; }

    public int ClaimCount { get; private set; }

    public long TotalCents { get; private set; }

    public string? FileName { get; private set; }

    public string? FileSha256 { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static PaymentRun Start(PaymentRunKind kind, DateOnly businessDate, int sequence, string startedBy, DateTimeOffset now) => new()
    {
        Kind = kind,
        BusinessDate = businessDate,
        ExecutionDate = BankingCalendar.OnOrAfter(businessDate),
        MessageId = MessageIdFor(kind, businessDate, sequence),
        Status = PaymentRunStatus.Booked,
        CreatedAt = TruncateToSeconds(now),
        StartedBy = startedBy,
    };

    public static string MessageIdFor(PaymentRunKind kind, DateOnly businessDate, int sequence) =>
        $"OPENPGB-{businessDate:yyyyMMdd}-{(kind == PaymentRunKind.Daily ? "D" : "M")}{sequence}";

    public void Booked(int paymentCount, int claimCount, long totalCents)
    {
        PaymentCount = paymentCount;
        ClaimCount = claimCount;
        TotalCents = totalCents;
    }

    public void Complete(string fileName, string sha256, DateTimeOffset now)
    {
        if (Status != PaymentRunStatus.Booked && FileSha256 != sha256)
        {
            throw new Common.IllegalTransitionException($"Payment run {Id} was completed with another file.");
        }

        Status = PaymentRunStatus.Completed;
        FileName = fileName;
        FileSha256 = sha256;
        CompletedAt ??= now;
    }

    // CreDtTm carries seconds; both databases then give back exactly what was stored, so the file is reproducible.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
