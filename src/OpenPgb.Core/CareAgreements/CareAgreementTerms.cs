namespace OpenPgb.Core.CareAgreements;

public enum AgreementType
{
    /// <summary>Arbeidsovereenkomst: the budget holder employs the carer.</summary>
    Employment,

    /// <summary>Overeenkomst van opdracht: a self-employed provider.</summary>
    Assignment,

    /// <summary>Zorginstelling: care from an institution.</summary>
    CareInstitution,

    /// <summary>Informele zorgverlener: family or friend, possibly with a holiday allowance.</summary>
    InformalCarer,
}

public enum TariffUnit
{
    Hour,
    DayPart,
    Day,
    Month,
    Piece,
}

/// <summary>
/// What budget holder and provider agree on. One record so that a draft can be saved half-filled and a version can
/// snapshot it whole; <see cref="CareAgreementRules"/> decides whether it may be signed.
/// </summary>
public sealed record CareAgreementTerms(
    AgreementType Type,
    IReadOnlyList<string> CareFunctionCodes,
    DateOnly StartDate,
    DateOnly EndDate,
    TariffUnit TariffUnit,
    long TariffCents,
    int ExpectedUnitsPerMonth,
    long? FixedMonthlyCents,
    long? HolidayAllowanceCents);

public static class AgreementTexts
{
    /// <summary>
    /// Derdenbeding: the grantor may reclaim unduly paid money from the provider directly. Part of every agreement
    /// by law (Regeling pgb); stored in every version, never editable.
    /// </summary>
    public const string ThirdPartyClause =
        "Derdenbeding: de zorgverlener aanvaardt dat de verstrekker van het budget onverschuldigd betaalde bedragen "
        + "rechtstreeks van de zorgverlener kan terugvorderen. Dit beding kan niet worden gewijzigd of geschrapt.";

    /// <summary>The clause of an agreement carried over from PGB1: the same derdenbeding, recorded as agreed in the old system.</summary>
    public const string CarriedOverThirdPartyClause = "Overgenomen uit PGB1, waar de derdenbeding is overeengekomen. " + ThirdPartyClause;

    public static string NameOf(AgreementType type) => type switch
    {
        AgreementType.Employment => "Arbeidsovereenkomst",
        AgreementType.Assignment => "Overeenkomst van opdracht",
        AgreementType.CareInstitution => "Zorginstelling",
        AgreementType.InformalCarer => "Informele zorgverlener",
    };

    public static string NameOf(TariffUnit unit) => unit switch
    {
        TariffUnit.Hour => "per uur",
        TariffUnit.DayPart => "per dagdeel",
        TariffUnit.Day => "per dag",
        TariffUnit.Month => "per maand",
        TariffUnit.Piece => "per stuk",
    };

    public static string NameOf(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Concept",
        AgreementStatus.SignedByHolder => "Getekend door budgethouder",
        AgreementStatus.SignedByProvider => "Getekend door zorgverlener",
        AgreementStatus.AwaitingAssessment => "Wacht op beoordeling",
        AgreementStatus.AwaitingConfirmation => "Wacht op tweede beoordelaar",
        AgreementStatus.Approved => "Goedgekeurd",
        AgreementStatus.Rejected => "Afgekeurd",
        AgreementStatus.Superseded => "Vervangen door wijziging",
        AgreementStatus.Ended => "Beëindigd",
    };
}
