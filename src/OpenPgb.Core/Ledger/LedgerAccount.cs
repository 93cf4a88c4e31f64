using System.Globalization;

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

    /// <summary>
    /// What the old system (PGB1) paid for one grantor before its conversion (credit balance): the counter-account of
    /// the carried-over payments, so that they are spent in the budget without ever passing the bank again.
    /// </summary>
    Conversion,
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

    public static LedgerAccount ConversionAccount(int grantorId) => new()
    {
        Key = ConversionKey(grantorId),
        Kind = LedgerAccountKind.Conversion,
        GrantorId = grantorId,
    };

    public static string ConversionKey(int grantorId) => KeyOf(LedgerAccountKind.Conversion, grantorId.ToString(CultureInfo.InvariantCulture));

    public static string BudgetKey(LedgerAccountKind kind, long grantId, string careFunctionCode, int year) =>
        KeyOf(kind, grantId.ToString(CultureInfo.InvariantCulture), careFunctionCode, year.ToString(CultureInfo.InvariantCulture));

    public static string PayableKey(int grantorId, long careProviderId) =>
        KeyOf(LedgerAccountKind.ProviderPayable, grantorId.ToString(CultureInfo.InvariantCulture), careProviderId.ToString(CultureInfo.InvariantCulture));

    public static string BankKey(int grantorId) => KeyOf(LedgerAccountKind.AgencyBank, grantorId.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The same key as an SQL expression over the given column expressions (each already text), for the set-based
    /// bookings of the payment run: <c>'BS' || '/' || …</c>, portable between PostgreSQL and SQLite.
    /// </summary>
    internal static string KeySql(LedgerAccountKind kind, params string[] dimensions) =>
        string.Join($" || '{Separator}' || ", [$"'{PrefixOf(kind)}'", .. dimensions]);

    /// <summary>A key is the kind's prefix and its dimensions in a fixed order, joined by <see cref="Separator"/>.</summary>
    private static string KeyOf(LedgerAccountKind kind, params string[] dimensions) => string.Join(Separator, [PrefixOf(kind), .. dimensions]);

    private const char Separator = '/';

    private static string PrefixOf(LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.BudgetCommitted => "BC",
        LedgerAccountKind.BudgetSpent => "BS",
        LedgerAccountKind.ProviderPayable => "PP",
        LedgerAccountKind.AgencyBank => "AB",
        LedgerAccountKind.Conversion => "CV",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger account kind."),
    };
}
