using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Reports;

/// <summary>
/// The spend report as files: CSV (one row per care function, then <c>totaal</c>, in cents, for scripts) and an Excel
/// workbook for people (one sheet per level: the report, the care functions, the budgets; money as euro numbers with
/// a money format, dates as dates), written row by row.
/// </summary>
public static class SpendReportFiles
{
    public const string CsvHeader = "zorgfunctie;toegekend_centen;gecommitteerd_centen;betaald_centen;resterend_centen";

    public const string TotalRow = "totaal";

    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv";

    public static string FileName(SpendReport report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"bestedingen-{report.GrantorCode}-{report.Period.From:yyyyMMdd}-{report.Period.To:yyyyMMdd}.{extension}");
    }

    public static Task WriteCsvAsync(SpendReport report, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.CareFunctions.Select(c => Fields(c.CareFunctionCode, c.Figures)).Append(Fields(TotalRow, report.Total));
        return SemicolonCsv.WriteAsync(stream, CsvHeader, rows, cancellationToken);
    }

    public static async Task WriteExcelAsync(SpendReport report, IEnumerable<BudgetSpend> budgets, DateTimeOffset madeAt, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.Period;
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ReportSheet] = new[]
            {
                new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["verstrekker"] = $"{report.GrantorCode} {report.GrantorName}",
                    ["periode"] = period.Label,
                    [FromColumn] = Day(period.From),
                    [ToColumn] = Day(period.To),
                    [MadeAtColumn] = madeAt.ToAmsterdam().DateTime,
                    ["toelichting"] = "Toegekend: het deel van de budgetten in deze periode. Gecommitteerd: goedgekeurde declaraties die nog niet betaald zijn. Betaald: betaalde declaraties. Een declaratie telt in de periode waarin haar zorg begon.",
                },
            },
            [CareFunctionSheet] = report.CareFunctions
                .Select(c => Figures(new Dictionary<string, object>(StringComparer.Ordinal) { [CodeColumn] = c.CareFunctionCode, [NameColumn] = c.CareFunctionName }, c.Figures))
                .Append(Figures(new Dictionary<string, object>(StringComparer.Ordinal) { [CodeColumn] = TotalRow, [NameColumn] = "Alle zorgfuncties" }, report.Total)),
            [BudgetSheet] = budgets.Select(b => Figures(
                new Dictionary<string, object>(StringComparer.Ordinal) { [BudgetKeyColumn] = b.BudgetKey, [HolderColumn] = b.HolderName, [CodeColumn] = b.CareFunctionCode },
                b.Figures)),
        };
        await MiniExcel.SaveAsAsync(stream, sheets, configuration: Configuration, cancellationToken: cancellationToken);
    }

    public const string ReportSheet = "Rapport";

    public const string CareFunctionSheet = "Zorgfuncties";

    public const string BudgetSheet = "Budgetten";

    public const string CodeColumn = "zorgfunctie";

    public const string NameColumn = "naam";

    public const string BudgetKeyColumn = "budgetnummer";

    public const string HolderColumn = "budgethouder";

    public const string GrantedColumn = "toegekend";

    public const string CommittedColumn = "gecommitteerd";

    public const string PaidColumn = "betaald";

    public const string RemainingColumn = "resterend";

    public const string FromColumn = "van";

    public const string ToColumn = "tot en met";

    public const string MadeAtColumn = "gemaakt op";

    private const string DateFormat = "dd-mm-yyyy";

    private const string MoneyFormat = "€ #,##0.00;[Red]-€ #,##0.00";

    private static readonly OpenXmlConfiguration Configuration = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(GrantedColumn) { Format = MoneyFormat, Width = 16 },
            new DynamicExcelColumn(CommittedColumn) { Format = MoneyFormat, Width = 16 },
            new DynamicExcelColumn(PaidColumn) { Format = MoneyFormat, Width = 16 },
            new DynamicExcelColumn(RemainingColumn) { Format = MoneyFormat, Width = 16 },
            new DynamicExcelColumn(FromColumn) { Format = DateFormat, Width = 12 },
            new DynamicExcelColumn(ToColumn) { Format = DateFormat, Width = 12 },
            new DynamicExcelColumn(MadeAtColumn) { Format = DateFormat + " hh:mm", Width = 18 },
            new DynamicExcelColumn("verstrekker") { Width = 28 },
            new DynamicExcelColumn("toelichting") { Width = 100 },
            new DynamicExcelColumn(NameColumn) { Width = 40 },
            new DynamicExcelColumn(HolderColumn) { Width = 32 },
            new DynamicExcelColumn(BudgetKeyColumn) { Width = 18 },
        ],
    };

    private static string[] Fields(string code, SpendFigures f) =>
        [code, Cents(f.GrantedCents), Cents(f.CommittedCents), Cents(f.PaidCents), Cents(f.RemainingCents)];

    private static Dictionary<string, object> Figures(Dictionary<string, object> row, SpendFigures f)
    {
        row[GrantedColumn] = Euros(f.GrantedCents);
        row[CommittedColumn] = Euros(f.CommittedCents);
        row[PaidColumn] = Euros(f.PaidCents);
        row[RemainingColumn] = Euros(f.RemainingCents);
        return row;
    }

    private static string Cents(long cents) => cents.ToString(CultureInfo.InvariantCulture);

    // Money in the workbook as a number of euros (decimal from whole cents, exact), shown with the money format.
    private static decimal Euros(long cents) => cents / 100m;

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
