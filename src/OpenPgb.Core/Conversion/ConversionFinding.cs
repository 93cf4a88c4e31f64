using OpenPgb.Core.Common;

namespace OpenPgb.Core.Conversion;

public enum FindingSeverity
{
    /// <summary>Nothing is applied until it is solved.</summary>
    Blocking,

    /// <summary>Applied, and listed for the operator and the grantor.</summary>
    Warning,
}

/// <summary>One finding of a conversion step, as <c>findings.csv</c> lists it: severity, kind, the record's key, a Dutch message.</summary>
public sealed record ConversionFinding(FindingSeverity Severity, string Kind, string Key, string Message)
{
    public static ConversionFinding Blocking(string kind, string key, string message) => new(FindingSeverity.Blocking, kind, key, message);

    public static ConversionFinding Warning(string kind, string key, string message) => new(FindingSeverity.Warning, kind, key, message);

    /// <summary>The severity as findings.csv writes it.</summary>
    public string SeverityCode => Severity == FindingSeverity.Blocking ? "BLOKKEREND" : "WAARSCHUWING";
}

/// <summary>The kinds of finding (the <c>soort</c> column of findings.csv).</summary>
public static class FindingKinds
{
    public const string File = "BESTAND";
    public const string Encoding = "CODERING";
    public const string FormatVersion = "FORMAATVERSIE";
    public const string OtherGrantor = "VERSTREKKER";
    public const string Header = "KOPREGEL";
    public const string Columns = "KOLOMMEN";
    public const string Field = "VELD";
    public const string Manifest = "MANIFEST";
    public const string DuplicateKey = "DUBBELE_SLEUTEL";
    public const string UnknownReference = "ONBEKENDE_VERWIJZING";
    public const string Bsn = "BSN";
    public const string Iban = "IBAN";
    public const string CareFunction = "ZORGFUNCTIE";
    public const string Payment = "BETALING";
    public const string Live = "LIVE";
    public const string BudgetMissing = "BUDGET_ONTBREEKT";
    public const string BudgetDifferent = "BUDGET_ANDERS";
    public const string Reconciliation = "AANSLUITING";
    public const string ProviderIban = "ZORGVERLENER_IBAN";
    public const string ProviderName = "ZORGVERLENER_NAAM";
}

/// <summary>Writes findings.csv exactly as CONVERSION.md gives it: <c>ernst;soort;sleutel;melding</c>.</summary>
public static class FindingsCsv
{
    public const string Header = "ernst;soort;sleutel;melding";

    public static async Task WriteAsync(Stream stream, IEnumerable<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);

        // A message never holds the separator or a line break; if one ever did, it must not break the file.
        await SemicolonCsv.WriteAsync(stream, Header, findings.Select(f => new[] { f.SeverityCode, f.Kind, f.Key, f.Message.Replace(';', ',').ReplaceLineEndings(" ") }), cancellationToken);
    }
}
