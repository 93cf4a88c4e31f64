using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Conversion;

/// <summary>The <c>status</c> values of summary.json.</summary>
public static class ConversionStatuses
{
    public const string Converted = "converted";
    public const string Trial = "trial";
    public const string Refused = "refused";
    public const string AlreadyConverted = "already-converted";
}

/// <summary>
/// summary.json of CONVERSION.md. Counts and sums are without the stragglers: budget holders converted, distinct budget
/// keys, agreements, claims (every status) and payments; paid = BET, committed = GOED, submitted = IND.
/// </summary>
public sealed record ConversionSummary(
    string Grantor,
    string Status,
    int BudgetHolders,
    int Stragglers,
    int Grants,
    int ProvidersCreated,
    int ProvidersMatched,
    int Agreements,
    int Claims,
    int Payments,
    long PaidCents,
    long CommittedCents,
    long SubmittedCents,
    int BlockingFindings,
    int Warnings)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ConversionSummary? FromJson(string json) => JsonSerializer.Deserialize<ConversionSummary>(json, Json);

    [JsonIgnore]
    public bool IsRefused => Status == ConversionStatuses.Refused;
}

/// <summary>
/// One row of reconciliation.csv: per budget holder, care function of the budget the claims are booked on (99 for a
/// whole-package budget) and calendar year, what PGB1 paid and approved beside what OpenPgb's ledger shows. The
/// difference is the sum of both absolute differences, so that one cent too much and one too little never cancel.
/// </summary>
public sealed record ReconciliationRow(string Bsn, string CareFunctionCode, int Year, long PaidPgb1Cents, long PaidOpenPgbCents, long ApprovedPgb1Cents, long ApprovedOpenPgbCents)
{
    public long DifferenceCents => Math.Abs(PaidOpenPgbCents - PaidPgb1Cents) + Math.Abs(ApprovedOpenPgbCents - ApprovedPgb1Cents);
}

/// <summary>A provider the conversion created: its users complete the registration with this code.</summary>
public sealed record ProviderInvitation(string Pgb1Number, string ProviderNumber, string Name, string InvitationCode);

/// <summary>Everything a trial or a run reports: the summary, every finding, the reconciliation, the stragglers and the invitations.</summary>
public sealed record ConversionReport(
    ConversionSummary Summary,
    IReadOnlyList<ConversionFinding> Findings,
    IReadOnlyList<ReconciliationRow> Reconciliation,
    IReadOnlyList<Pgb1BudgetHolder> Stragglers,
    IReadOnlyList<ProviderInvitation> Invitations);

/// <summary>
/// Writes a report to a directory as CONVERSION.md gives it: summary.json, findings.csv and reconciliation.csv; beside
/// them, for the grantor and the operator, stragglers.csv, invitations.csv and report.xlsx (one sheet per part).
/// </summary>
public static class ConversionReportWriter
{
    public const string SummaryFile = "summary.json";
    public const string FindingsFile = "findings.csv";
    public const string ReconciliationFile = "reconciliation.csv";
    public const string StragglersFile = "stragglers.csv";
    public const string InvitationsFile = "invitations.csv";
    public const string WorkbookFile = "report.xlsx";

    public const string ReconciliationHeader =
        "bsn;zorgfunctie;jaar;betaald_pgb1_centen;betaald_openpgb_centen;goedgekeurd_pgb1_centen;goedgekeurd_openpgb_centen;verschil_centen";

    public static async Task WriteAsync(string directory, ConversionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, SummaryFile), report.Summary.ToJson() + "\n", cancellationToken);
        await using (var findings = File.Create(Path.Combine(directory, FindingsFile)))
        {
            await FindingsCsv.WriteAsync(findings, report.Findings, cancellationToken);
        }

        await using (var reconciliation = File.Create(Path.Combine(directory, ReconciliationFile)))
        {
            await SemicolonCsv.WriteAsync(reconciliation, ReconciliationHeader, report.Reconciliation.Select(ReconciliationFields), cancellationToken);
        }

        await using (var stragglers = File.Create(Path.Combine(directory, StragglersFile)))
        {
            await SemicolonCsv.WriteAsync(stragglers, "bsn;reden", report.Stragglers.Select(s => new[] { s.Bsn, ReasonCode(s.Reason) }), cancellationToken);
        }

        await using (var invitations = File.Create(Path.Combine(directory, InvitationsFile)))
        {
            await SemicolonCsv.WriteAsync(invitations, "zorgverlener_pgb1;zorgverlener;naam;uitnodigingscode", report.Invitations.Select(i => new[] { i.Pgb1Number, i.ProviderNumber, i.Name, i.InvitationCode }), cancellationToken);
        }

        await using var workbook = File.Create(Path.Combine(directory, WorkbookFile));
        await WriteWorkbookAsync(workbook, report, cancellationToken);
    }

    /// <summary>The human report: a summary sheet in Dutch, then findings, reconciliation, stragglers and invitations.</summary>
    public static async Task WriteWorkbookAsync(Stream stream, ConversionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Samenvatting"] = new[]
            {
                Line("Verstrekker", s.Grantor),
                Line("Uitkomst", StatusText(s.Status)),
                Line("Budgethouders overgezet", s.BudgetHolders),
                Line("Achterblijvers", s.Stragglers),
                Line("Budgetten", s.Grants),
                Line("Zorgverleners aangemaakt", s.ProvidersCreated),
                Line("Zorgverleners herkend", s.ProvidersMatched),
                Line("Zorgovereenkomsten", s.Agreements),
                Line("Declaraties", s.Claims),
                Line("Betalingen", s.Payments),
                Line("Betaald (euro)", Euros(s.PaidCents)),
                Line("Goedgekeurd, nog te betalen (euro)", Euros(s.CommittedCents)),
                Line("Ingediend, wacht op budgethouder (euro)", Euros(s.SubmittedCents)),
                Line("Blokkerende bevindingen", s.BlockingFindings),
                Line("Waarschuwingen", s.Warnings),
            },
            ["Bevindingen"] = report.Findings.Select(f => new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["ernst"] = f.SeverityCode,
                ["soort"] = f.Kind,
                ["sleutel"] = f.Key,
                ["melding"] = f.Message,
            }).ToList(),
            ["Aansluiting"] = report.Reconciliation.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["bsn"] = r.Bsn,
                ["zorgfunctie"] = r.CareFunctionCode,
                ["jaar"] = r.Year,
                ["betaald PGB1 (euro)"] = Euros(r.PaidPgb1Cents),
                ["betaald OpenPgb (euro)"] = Euros(r.PaidOpenPgbCents),
                ["goedgekeurd PGB1 (euro)"] = Euros(r.ApprovedPgb1Cents),
                ["goedgekeurd OpenPgb (euro)"] = Euros(r.ApprovedOpenPgbCents),
                ["verschil (euro)"] = Euros(r.DifferenceCents),
            }).ToList(),
            ["Achterblijvers"] = report.Stragglers.Select(h => new Dictionary<string, object>(StringComparer.Ordinal) { ["bsn"] = h.Bsn, ["reden"] = ReasonCode(h.Reason) }).ToList(),
            ["Uitnodigingen"] = report.Invitations.Select(i => new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["zorgverlener PGB1"] = i.Pgb1Number,
                ["zorgverlener"] = i.ProviderNumber,
                ["naam"] = i.Name,
                ["uitnodigingscode"] = i.InvitationCode,
            }).ToList(),
        };
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
    }

    public static string StatusText(string status) => status switch
    {
        ConversionStatuses.Converted => "Geconverteerd en aangesloten",
        ConversionStatuses.Trial => "Proefconversie geslaagd (niets bewaard)",
        ConversionStatuses.Refused => "Geweigerd: er is niets overgezet",
        ConversionStatuses.AlreadyConverted => "Al eerder geconverteerd: er is niets gewijzigd",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown conversion status."),
    };

    public static string ReasonCode(StragglerReason? reason) => reason switch
    {
        StragglerReason.Wlz => "WLZ",
        StragglerReason.Zvw => "ZVW",
        _ => "OVERIG",
    };

    private static string[] ReconciliationFields(ReconciliationRow r) =>
    [
        r.Bsn, r.CareFunctionCode, r.Year.ToString(CultureInfo.InvariantCulture),
        Cents(r.PaidPgb1Cents), Cents(r.PaidOpenPgbCents), Cents(r.ApprovedPgb1Cents), Cents(r.ApprovedOpenPgbCents), Cents(r.DifferenceCents),
    ];

    private static string Cents(long cents) => cents.ToString(CultureInfo.InvariantCulture);

    // Money in the workbook as a number of euros (decimal from whole cents, exact), formatted by the reader's Excel.
    private static decimal Euros(long cents) => cents / 100m;

    private static Dictionary<string, object> Line(string what, object value) =>
        new(StringComparer.Ordinal) { ["onderdeel"] = what, ["waarde"] = value };
}
