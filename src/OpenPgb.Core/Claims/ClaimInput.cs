namespace OpenPgb.Core.Claims;

/// <summary>
/// What a claimant enters, in the portal, a CSV row or the API. <see cref="Units"/> counts for care;
/// <see cref="HolidayAllowanceCents"/> is the amount of a holiday-allowance claim.
/// </summary>
public sealed record ClaimInput(
    long CareAgreementId,
    ClaimKind Kind,
    string CareFunctionCode,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Units,
    long? HolidayAllowanceCents,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    string? ExternalKey = null);
