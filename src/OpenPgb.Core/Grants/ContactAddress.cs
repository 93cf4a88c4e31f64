namespace OpenPgb.Core.Grants;

/// <summary>The correspondence address (Contact) of a budget; at most one per version.</summary>
public sealed record ContactAddress(
    string Street,
    string HouseNumber,
    string? HouseNumberAddition,
    string PostalCode,
    string City,
    string CountryCode);
