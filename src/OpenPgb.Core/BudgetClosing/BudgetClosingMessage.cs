namespace OpenPgb.Core.BudgetClosing;

public enum ClosingReason
{
    /// <summary>01: 14 weeks after the care-function budget's period ended.</summary>
    PeriodEnded,

    /// <summary>02: what was paid exceeds the budget.</summary>
    Overspent,

    /// <summary>03: a calendar year of a budget that crosses the year boundary closed.</summary>
    YearClosed,
}

/// <summary>
/// A 507 (budgetafsluitbericht) in the outbox: spend of one care-function budget (or of one calendar year of it),
/// produced once per budget, period and reason, fetched by the grantor and answered with a 508.
/// </summary>
public sealed class BudgetClosingMessage
{
    private BudgetClosingMessage()
    {
        CareFunctionCode = string.Empty;
        Identification = string.Empty;
        Xml = [];
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public long GrantId { get; private set; }

    public long BudgetHolderId { get; private set; }

    public string CareFunctionCode { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public ClosingReason Reason { get; private set; }

    public long GrantedCents { get; private set; }

    public long SpentCents { get; private set; }

    public long CommittedCents { get; private set; }

    /// <summary>BerichtIdentificatie/Identificatie: "BAB" and the id, 12 characters.</summary>
    public string Identification { get; private set; }

    public DateOnly DateSent { get; private set; }

    public byte[] Xml { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FetchedAt { get; private set; }

    public DateTimeOffset? RetourReceivedAt { get; private set; }

    /// <summary>All retour codes of the 508, comma-separated; 0200 everywhere means accepted.</summary>
    public string? RetourCodes { get; private set; }

    public bool? Accepted { get; private set; }

    public static string ReasonCode(ClosingReason reason) => reason switch
    {
        ClosingReason.PeriodEnded => "01",
        ClosingReason.Overspent => "02",
        ClosingReason.YearClosed => "03",
    };

    public static BudgetClosingMessage Create(int grantorId, long grantId, long budgetHolderId, string careFunctionCode, DateOnly start, DateOnly end, ClosingReason reason, long granted, long spent, long committed, DateOnly dateSent, DateTimeOffset now) => new()
    {
        GrantorId = grantorId,
        GrantId = grantId,
        BudgetHolderId = budgetHolderId,
        CareFunctionCode = careFunctionCode,
        PeriodStart = start,
        PeriodEnd = end,
        Reason = reason,
        GrantedCents = granted,
        SpentCents = spent,
        CommittedCents = committed,
        DateSent = dateSent,
        CreatedAt = now,
    };

    /// <summary>Once the id exists: the identification and the message itself, which never change afterwards.</summary>
    public void Seal(byte[] xml)
    {
        if (Xml.Length > 0)
        {
            throw new Common.IllegalTransitionException($"507 {Identification} is already written.");
        }

        Identification = IdentificationFor(Id);
        Xml = xml;
    }

    public static string IdentificationFor(long id) => $"BAB{id:D9}";

    public void MarkFetched(DateTimeOffset now) => FetchedAt ??= now;

    public void ReceiveRetour(IReadOnlyList<string> codes, DateTimeOffset now)
    {
        if (RetourReceivedAt is not null)
        {
            throw new Common.IllegalTransitionException($"507 {Identification} was already answered.");
        }

        RetourReceivedAt = now;
        RetourCodes = string.Join(",", codes);
        Accepted = codes.All(c => c == Ipgb.ReturnCodes.NoRemark);
    }
}
