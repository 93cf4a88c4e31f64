namespace OpenPgb.Core.Ledger;

public enum JournalEntryKind
{
    /// <summary>The budget holder approved a claim: budget committed, owed to the provider.</summary>
    ClaimApproved,

    /// <summary>A payment run paid a provider: committed becomes spent, the provider is paid from the bank.</summary>
    Payment,

    /// <summary>The bank returned a payment: the reversal of its <see cref="Payment"/> entry.</summary>
    PaymentReturned,

    /// <summary>A conversion carried over approved (GOED) claims: budget committed, owed to the providers, per budget and provider.</summary>
    ConversionApproved,

    /// <summary>A conversion carried over paid (BET) claims: budget spent, paid by the old system, per budget.</summary>
    ConversionPaid,
}

/// <summary>
/// One booking: a set of transfers that happen together. Append-only: a correction is a new entry that reverses an
/// earlier one, never an edit (PostgreSQL triggers refuse UPDATE and DELETE on entries and transfers).
/// </summary>
public sealed class JournalEntry
{
    private JournalEntry()
    {
        Description = string.Empty;
    }

    public long Id { get; private set; }

    public JournalEntryKind Kind { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public long? ClaimId { get; private set; }

    public long? PaymentId { get; private set; }

    public long? ReversesEntryId { get; private set; }

    /// <summary>The grantor conversion that booked this entry (carried-over claims are booked per budget, not per claim).</summary>
    public long? ConversionId { get; private set; }

    public string Description { get; private set; }

    public List<LedgerTransfer> Transfers { get; } = [];

    public static JournalEntry ForClaim(JournalEntryKind kind, long claimId, string description, DateTimeOffset now) =>
        new() { Kind = kind, ClaimId = claimId, Description = description, BookedAt = now };

    /// <summary>A booking of a grantor conversion; its transfers are inserted set-based, per budget (and provider).</summary>
    public static JournalEntry ForConversion(JournalEntryKind kind, long conversionId, string description, DateTimeOffset now) =>
        kind is JournalEntryKind.ConversionApproved or JournalEntryKind.ConversionPaid
            ? new() { Kind = kind, ConversionId = conversionId, Description = description, BookedAt = now }
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a conversion booking.");

    /// <summary>The correction of <paramref name="original"/>: the same transfers with debit and credit swapped.</summary>
    public static JournalEntry Reversal(JournalEntry original, JournalEntryKind kind, string description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        var reversal = new JournalEntry { Kind = kind, ClaimId = original.ClaimId, PaymentId = original.PaymentId, ReversesEntryId = original.Id, Description = description, BookedAt = now };
        foreach (var t in original.Transfers)
        {
            reversal.Transfers.Add(LedgerTransfer.Between(t.CreditAccountId, t.DebitAccountId, t.AmountCents));
        }

        return reversal;
    }

    public JournalEntry Transfer(LedgerAccount debit, LedgerAccount credit, long amountCents)
    {
        Transfers.Add(new LedgerTransfer(debit, credit, amountCents));
        return this;
    }
}

/// <summary>
/// One movement of money: debit one account, credit another, by a positive amount. Because every row debits and
/// credits the same amount, every entry balances by construction; check constraints hold the rest.
/// </summary>
public sealed class LedgerTransfer
{
    private LedgerTransfer()
    {
    }

    internal LedgerTransfer(LedgerAccount debit, LedgerAccount credit, long amountCents)
    {
        if (amountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), amountCents, "A transfer moves a positive amount.");
        }

        if (ReferenceEquals(debit, credit))
        {
            throw new ArgumentException("A transfer moves money between two different accounts.", nameof(credit));
        }

        DebitAccount = debit;
        CreditAccount = credit;
        AmountCents = amountCents;
    }

    private LedgerTransfer(long debitAccountId, long creditAccountId, long amountCents)
    {
        DebitAccountId = debitAccountId;
        CreditAccountId = creditAccountId;
        AmountCents = amountCents;
    }

    public long Id { get; private set; }

    public long JournalEntryId { get; private set; }

    public long DebitAccountId { get; private set; }

    public LedgerAccount? DebitAccount { get; private set; }

    public long CreditAccountId { get; private set; }

    public LedgerAccount? CreditAccount { get; private set; }

    public long AmountCents { get; private set; }

    internal static LedgerTransfer Between(long debitAccountId, long creditAccountId, long amountCents) => new(debitAccountId, creditAccountId, amountCents);
}
