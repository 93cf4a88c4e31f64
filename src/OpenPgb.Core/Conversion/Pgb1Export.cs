namespace OpenPgb.Core.Conversion;

/// <summary>
/// The old system's export of one grantor (PGB1 export, format version 1, ../shared/docs/CONVERSION.md), read and
/// parsed. Money in cents, dates as <see cref="DateOnly"/>; every row keeps its file line for findings. The five
/// small files are held in memory; the claims and payments, which run into millions, are kept in the
/// <see cref="Workspace"/> and read from it in file order whenever they are enumerated.
/// </summary>
public sealed record Pgb1Export(
    string GrantorCode,
    DateOnly ReferenceDate,
    IReadOnlyList<Pgb1BudgetHolder> BudgetHolders,
    IReadOnlyList<Pgb1Representative> Representatives,
    IReadOnlyList<Pgb1Budget> Budgets,
    IReadOnlyList<Pgb1Provider> Providers,
    IReadOnlyList<Pgb1Agreement> Agreements,
    Pgb1Workspace Workspace)
{
    public IPgb1Rows<Pgb1Claim> Claims => Workspace.Claims;

    public IPgb1Rows<Pgb1Payment> Payments => Workspace.Payments;
}

/// <summary>Where a row came from: file and line (the header is line 1).</summary>
public readonly record struct Pgb1Line(string File, int Number)
{
    public override string ToString() => $"{File}:{Number}";
}

/// <summary>Why a budget holder stays on the old system for now.</summary>
public enum StragglerReason
{
    Wlz,
    Zvw,
    Other,
}

public sealed record Pgb1BudgetHolder(Pgb1Line Line, string Bsn, string Surname, string Initials, DateOnly BirthDate, bool StaysInPgb1, StragglerReason? Reason);

public sealed record Pgb1Representative(Pgb1Line Line, string HolderBsn, string Bsn, string Surname, string Initials, string RoleCode, bool CanWrite, bool Correspondence);

public sealed record Pgb1Budget(Pgb1Line Line, string BudgetKey, string Bsn, string CareFunctionCode, DateOnly StartDate, DateOnly EndDate, long AmountCents);

public enum Pgb1ProviderKind
{
    Organisation,
    Person,
}

public sealed record Pgb1Provider(Pgb1Line Line, string Number, Pgb1ProviderKind Kind, string Name, string? KvkNumber, string? AgbCode, string Iban);

public enum Pgb1AgreementStatus
{
    /// <summary>G: approved and in force.</summary>
    InForce,

    /// <summary>B: ended.</summary>
    Ended,
}

public sealed record Pgb1Agreement(
    Pgb1Line Line,
    string Number,
    string Bsn,
    string BudgetKey,
    string ProviderNumber,
    CareAgreements.AgreementType Type,
    IReadOnlyList<string> CareFunctionCodes,
    DateOnly StartDate,
    DateOnly EndDate,
    CareAgreements.TariffUnit Unit,
    long? TariffCents,
    long? FixedMonthlyCents,
    Pgb1AgreementStatus Status);

public enum Pgb1ClaimStatus
{
    /// <summary>BET: paid by the old system.</summary>
    Paid,

    /// <summary>GOED: approved, not yet paid; the next OpenPgb payment run pays it.</summary>
    Approved,

    /// <summary>IND: submitted, waiting for the budget holder.</summary>
    Submitted,

    /// <summary>AFG: rejected.</summary>
    Rejected,
}

public sealed record Pgb1Claim(
    Pgb1Line Line,
    string Number,
    string AgreementNumber,
    string CareFunctionCode,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal Units,
    long AmountCents,
    Pgb1ClaimStatus Status,
    string InvoiceNumber,
    DateOnly SubmittedOn);

public sealed record Pgb1Payment(Pgb1Line Line, string Number, string ClaimNumber, DateOnly PaidOn, long AmountCents, string Iban, string Reference);

/// <summary>The old system's codes, for messages and files.</summary>
public static class Pgb1Codes
{
    public static string Of(Pgb1ClaimStatus status) => status switch
    {
        Pgb1ClaimStatus.Paid => "BET",
        Pgb1ClaimStatus.Approved => "GOED",
        Pgb1ClaimStatus.Submitted => "IND",
        Pgb1ClaimStatus.Rejected => "AFG",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown PGB1 claim status."),
    };
}
