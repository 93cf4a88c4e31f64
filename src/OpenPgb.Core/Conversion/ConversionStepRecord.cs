namespace OpenPgb.Core.Conversion;

public enum ConversionStepKind
{
    Compare,
    Trial,
    Run,
}

/// <summary>
/// One compare, trial or run of a grantor's conversion, from the CLI or the portal, with its outcome and its report
/// files (the human workbook and a zip of the contract's CSV files), so that the operator's tranche board and the
/// grantor's conversion page show the latest and offer the reports for download.
/// </summary>
public sealed class ConversionStepRecord
{
    private ConversionStepRecord()
    {
        Outcome = string.Empty;
        By = string.Empty;
        Workbook = [];
        Files = [];
    }

    public ConversionStepRecord(int grantorId, ConversionStepKind kind, string outcome, StepCounts counts, string by, DateTimeOffset at, byte[] workbook, byte[] files)
    {
        ArgumentNullException.ThrowIfNull(counts);
        GrantorId = grantorId;
        Kind = kind;
        Outcome = outcome;
        Differences = counts.Differences;
        BlockingFindings = counts.BlockingFindings;
        Warnings = counts.Warnings;
        BudgetHolders = counts.BudgetHolders;
        Claims = counts.Claims;
        By = by;
        At = at;
        Workbook = workbook;
        Files = files;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public ConversionStepKind Kind { get; private set; }

    /// <summary>Compare: <c>no-differences</c>, <c>differences</c> or <c>unusable</c>; trial and run: the summary's status.</summary>
    public string Outcome { get; private set; }

    public int Differences { get; private set; }

    public int BlockingFindings { get; private set; }

    public int Warnings { get; private set; }

    public int BudgetHolders { get; private set; }

    public int Claims { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>report.xlsx or differences.xlsx.</summary>
    public byte[] Workbook { get; private set; }

    /// <summary>A zip of every file the step wrote.</summary>
    public byte[] Files { get; private set; }
}

/// <summary>The numbers a step record keeps for the board.</summary>
public sealed record StepCounts(int Differences, int BlockingFindings, int Warnings, int BudgetHolders, int Claims);

/// <summary>The words for a step's outcome.</summary>
public static class CompareOutcomes
{
    public const string NoDifferences = "no-differences";
    public const string Differences = "differences";
    public const string Unusable = "unusable";

    public static string Text(ConversionStepKind kind, string outcome) => (kind, outcome) switch
    {
        (ConversionStepKind.Compare, NoDifferences) => "Vergeleken: geen verschillen",
        (ConversionStepKind.Compare, Differences) => "Vergeleken: verschillen gevonden",
        (ConversionStepKind.Compare, Unusable) => "Vergelijken kon niet: de bestanden zijn onbruikbaar",
        _ => ConversionReportWriter.StatusText(outcome),
    };
}
