using System.Globalization;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Risk;

/// <summary>One risk indicator: a named check over the whole database that yields findings per grantor.</summary>
public interface IRiskIndicator
{
    RiskIndicatorCode Code { get; }

    Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken);
}

/// <summary>What every indicator of one scan shares: the scan date, the database (system scope) and each grantor's thresholds.</summary>
public sealed class RiskScanContext(OpenPgbDbContext db, DateOnly today, IReadOnlyDictionary<int, RiskThresholds> thresholds)
{
    public OpenPgbDbContext Db => db;

    public DateOnly Today => today;

    public RiskThresholds ThresholdsOf(int grantorId) => thresholds.GetValueOrDefault(grantorId, RiskThresholds.Default);

    /// <summary>The lowest threshold any grantor has set: what the scan must look at to serve every grantor.</summary>
    public int Lowest(Func<RiskThresholds, int> threshold) => thresholds.Values.Append(RiskThresholds.Default).Min(threshold);

    public long Lowest(Func<RiskThresholds, long> threshold) => thresholds.Values.Append(RiskThresholds.Default).Min(threshold);
}

/// <summary>The indicators' codes in signals.csv and their Dutch names and explanations.</summary>
public static class RiskIndicators
{
    public static string CodeOf(RiskIndicatorCode code) => code switch
    {
        RiskIndicatorCode.IbanShared => "IBAN_GEDEELD",
        RiskIndicatorCode.ImplausibleHours => "UREN_ONWAARSCHIJNLIJK",
        RiskIndicatorCode.RepresentativeIsProvider => "VERTEGENWOORDIGER_IS_ZORGVERLENER",
        RiskIndicatorCode.RapidProviderGrowth => "SNELLE_GROEI_ZORGVERLENER",
        RiskIndicatorCode.IbanChangedBeforePayment => "IBAN_GEWIJZIGD_VOOR_BETALING",
        RiskIndicatorCode.ClaimBeforeSigning => "DECLARATIE_VOOR_ONDERTEKENING",
        RiskIndicatorCode.SpendAboveForecast => "BESTEDING_BOVEN_PROGNOSE",
        RiskIndicatorCode.TariffAtMaximum => "TARIEF_OP_MAXIMUM",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown indicator."),
    };

    public static string NameOf(RiskIndicatorCode code) => code switch
    {
        RiskIndicatorCode.IbanShared => "Eén rekeningnummer bij meerdere zorgverleners",
        RiskIndicatorCode.ImplausibleHours => "Onwaarschijnlijk veel uren in een week",
        RiskIndicatorCode.RepresentativeIsProvider => "Vertegenwoordiger is ook de zorgverlener",
        RiskIndicatorCode.RapidProviderGrowth => "Nieuwe zorgverlener groeit snel",
        RiskIndicatorCode.IbanChangedBeforePayment => "Rekeningnummer gewijzigd vlak voor een grote betaling",
        RiskIndicatorCode.ClaimBeforeSigning => "Declaratie voor de ondertekening van de zorgovereenkomst",
        RiskIndicatorCode.SpendAboveForecast => "Besteding ver boven de verwachting",
        RiskIndicatorCode.TariffAtMaximum => "Bijna altijd het maximumtarief",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown indicator."),
    };

    /// <summary>Why the finding matters, for the employee who decides on it.</summary>
    public static string WhyOf(RiskIndicatorCode code) => code switch
    {
        RiskIndicatorCode.IbanShared => "Zorgverleners horen elk hun eigen rekening te hebben. Als geld van meerdere zorgverleners op één rekening komt, kan één persoon of organisatie achter al die zorgverleners zitten, of wordt geld doorgesluisd.",
        RiskIndicatorCode.ImplausibleHours => "Zoveel uren zorg in één week kan één zorgverlener niet zelf leveren. Mogelijk is er zorg gedeclareerd die niet is geleverd, of levert iemand anders de zorg.",
        RiskIndicatorCode.RepresentativeIsProvider => "Een vertegenwoordiger behartigt de belangen van de budgethouder. Als hij zelf de zorgverlener is (of diens rekening deelt), keurt hij zijn eigen declaraties goed en ontbreekt de controle.",
        RiskIndicatorCode.RapidProviderGrowth => "Een nieuwe zorgverlener die in een paar weken veel budgethouders krijgt, kan budgethouders actief werven. Dat gaat soms samen met zorg die niet of slecht wordt geleverd.",
        RiskIndicatorCode.IbanChangedBeforePayment => "Een rekeningnummer dat kort voor een grote betaling verandert, kan erop wijzen dat iemand anders het geld ontvangt dan de zorgverlener.",
        RiskIndicatorCode.ClaimBeforeSigning => "Zorg mag pas worden betaald vanaf de zorgovereenkomst. Declaraties over de tijd daarvoor kunnen zorg betreffen die niet is afgesproken.",
        RiskIndicatorCode.SpendAboveForecast => "Als een budget veel sneller wordt besteed dan de goedgekeurde zorgovereenkomsten verwachten, kan er meer gedeclareerd zijn dan is afgesproken.",
        RiskIndicatorCode.TariffAtMaximum => "Als bijna elke declaratie precies het maximumtarief heeft, kan het tarief zijn afgestemd op de grens in plaats van op de zorg.",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown indicator."),
    };

    public static RiskIndicatorCode? Parse(string csvCode) =>
        Enum.GetValues<RiskIndicatorCode>().Cast<RiskIndicatorCode?>().FirstOrDefault(c => CodeOf(c!.Value) == csvCode);

    /// <summary>A signal keeps at most this many pieces of evidence; its description gives the whole count.</summary>
    public const int MaxEvidence = 100;

    /// <summary>The evidence of a finding: the first <see cref="MaxEvidence"/>, the largest amounts first when there are more.</summary>
    internal static IReadOnlyList<RiskFindingEvidence> Evidence(IEnumerable<RiskFindingEvidence> evidence)
    {
        var all = evidence.ToList();
        return all.Count <= MaxEvidence ? all : [.. all.OrderByDescending(e => e.AmountCents ?? 0).ThenBy(e => e.RefId).Take(MaxEvidence).OrderBy(e => e.RefId)];
    }

    internal static string Euros(long cents) => Common.Money.FormatEuro(cents);

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Common.DutchCulture.Instance);

    internal static string Number(decimal value) => value.ToString("0.#", Common.DutchCulture.Instance);

    internal static string Invariant(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An IBAN as staff read it in a signal: the last four characters only.</summary>
    internal static string MaskedIban(string iban) => iban.Length <= 4 ? iban : "…" + iban[^4..];
}
