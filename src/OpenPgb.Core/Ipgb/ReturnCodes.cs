namespace OpenPgb.Core.Ipgb;

/// <summary>The retour codes of IPGB.md. The portal shows <see cref="Describe"/> next to each code.</summary>
public static class ReturnCodes
{
    public const string TechnicalRejection = "0001";
    public const string SenderUnknownOrNotLive = "0018";
    public const string NoRemark = "0200";
    public const string NotAssessed = "0233";
    public const string DateSentInFuture = "8848";
    public const string IdentificationNotUnique = "9056";
    public const string BsnFailsElevenTest = "9001";
    public const string EndBeforeStart = "9002";
    public const string CareFunctionNotInCodeList = "9003";
    public const string WholePackageCombined = "9004";
    public const string WlzNotWholePackage = "9005";
    public const string AmountNotPositive = "9006";
    public const string PeriodsOverlap = "9007";
    public const string RepresentativeBsnConflict = "9008";
    public const string PreviousBudgetKeyUnknown = "9009";

    /// <summary>
    /// Not in IPGB.md's table: the Budgetidentificatie already belongs to another budget holder, or a re-key would
    /// land on a key in use. See docs/adr/0004-retour-code-9010.md.
    /// </summary>
    public const string BudgetKeyConflict = "9010";

    /// <summary>
    /// Not in IPGB.md's table (CONVERSION.md names it): the client was left behind on the old system by the sender's
    /// conversion. See docs/adr/0011-retour-code-9011.md.
    /// </summary>
    public const string ClientStaysInPgb1 = "9011";
    public const string MinorWithoutCorrespondent = "D001";
    public const string MinorWithAuthorisedPerson = "D002";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [TechnicalRejection] = "Technisch afgekeurd (geen geldige XML, schemafout of onbekende versie)",
        [SenderUnknownOrNotLive] = "Afzender onbekend of nog niet live op de dagtekening",
        [NoRemark] = "Geen opmerking: goedgekeurd",
        [NotAssessed] = "Niet beoordeeld",
        [DateSentInFuture] = "Dagtekening ligt in de toekomst",
        [IdentificationNotUnique] = "Berichtidentificatie niet uniek (andere inhoud)",
        [BsnFailsElevenTest] = "BSN voldoet niet aan de elfproef",
        [EndBeforeStart] = "Einddatum ligt voor de begindatum",
        [CareFunctionNotInCodeList] = "Zorgfunctie komt niet voor in de codelijst op de begindatum",
        [WholePackageCombined] = "Zorgfunctie 99 gecombineerd met een andere zorgfunctie",
        [WlzNotWholePackage] = "Wlz-budget met een andere zorgfunctie dan 99",
        [AmountNotPositive] = "Bedrag niet positief, of verantwoordingsvrij bedrag hoger dan het bedrag",
        [PeriodsOverlap] = "Overlappende perioden binnen één zorgfunctie",
        [RepresentativeBsnConflict] = "BSN van vertegenwoordiger gelijk aan die van de cliënt of dubbel",
        [PreviousBudgetKeyUnknown] = "BudgetidentificatieOud onbekend bij deze verstrekker",
        [BudgetKeyConflict] = "Budgetidentificatie hoort al bij een ander budget",
        [ClientStaysInPgb1] = "Budgethouder wordt nog bediend door het oude systeem (achterblijver)",
        [MinorWithoutCorrespondent] = "Minderjarige cliënt zonder vertegenwoordiger die correspondentie ontvangt",
        [MinorWithAuthorisedPerson] = "Gemachtigde bij een minderjarige cliënt",
    };

    public static string Describe(string code) => Descriptions.GetValueOrDefault(code, "Onbekende code");
}
