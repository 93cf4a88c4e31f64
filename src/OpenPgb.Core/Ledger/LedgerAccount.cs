namespace OpenPgb.Core.Ledger;

public enum LedgerAccountKind
{
    /// <summary>Approved claims not yet paid, per care-function budget and calendar year (debit balance).</summary>
    BudgetCommitted,

    /// <summary>Paid claims, per care-function budget and calendar year (debit balance).</summary>
    BudgetSpent,

    /// <summary>What the agency owes a care provider for one grantor's approved claims (credit balance).</summary>
    ProviderPayable,

    /// <summary>The agency's bank account for one grantor's money (credit balance: money paid out).</summary>
    AgencyBank,
}

/// <summary>
/// An account of the ledger. <see cref="Key"/> names it uniquely (kind and its dimensions), so bookings made by
/// set-based SQL and by the model find the same account.
/// </summary>
public sealed class LedgerAccount
{
    private LedgerAccount()
    {
        Key = string.Empty;
    }

    public long Id { get; private set; }

    public string Key { get; private set; }

    public LedgerAccountKind Kind { get; private set; }

    public int GrantorId { get; private set; }

    public long? GrantId { get; private set; }

    public string? CareFunctionCode { get; private set; }

    public int? Year { get; private set; }

    public long? CareProviderId { get; private set; }

    public static LedgerAccount Budget(LedgerAccountKind kind, int grantorId, long grantId, string careFunctionCode, int year)
    {
        if (kind is not (LedgerAccountKind.BudgetCommitted or LedgerAccountKind.BudgetSpent))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a budget account.");
        }

        return new LedgerAccount
        {
            Key = BudgetKey(kind, grantId, careFunctionCode, year),
            Kind = kind,
            GrantorId = grantorId,
            GrantId = grantId,
            CareFunctionCode = careFunctionCode,
            Year = year,
        };
    }

    public static LedgerAccount Payable(int grantorId, long careProviderId) => new()
    {
        Key = PayableKey(grantorId, careProviderId),
        Kind = LedgerAccountKind.ProviderPayable,
        GrantorId = grantorId,
        CareProviderId = careProviderId,
    };

    public static LedgerAccount Bank(int grantorId) => new()
    {
        Key = BankKey(grantorId),
        Kind = LedgerAccountKind.AgencyBank,
        GrantorId = grantorId,
    };

    // The payment run builds the same keys in SQL (PaymentRunSql); change both together.
    public static string BudgetKey(LedgerAccountKind kind, long grantId, string careFunctionCode, int year) =>
        $"{(kind == LedgerAccountKind.BudgetCommitted ? "BC" : "BS")}/{grantId}/{careFunctionCode}/{year}";

    public static string PayableKey(int grantorId, long careProviderId) => $"PP/{grantorId}/{careProviderId}";

    public static string BankKey(int grantorId) => $"AB/{grantorId}";
}
