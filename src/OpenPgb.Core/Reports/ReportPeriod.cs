using System.Globalization;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Reports;

/// <summary>
/// The days a report covers, both inclusive: a month, a quarter, a year or any from-to. Claims count in the period
/// of their care (the day their period starts), the budgets by their days (ADR 0016).
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>Reports look at most this many years at once: enough for any budget, bounded for the database.</summary>
    public const int MaxYears = 10;

    private ReportPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The period from-to; refused with a Dutch message when it runs backwards or spans too many years.</summary>
    public static ReportPeriod Of(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new BusinessRuleException("RapportPeriode", "De einddatum van de periode ligt voor de begindatum.");
        }

        if (to > from.AddYears(MaxYears))
        {
            throw new BusinessRuleException("RapportPeriode", $"Een periode is hoogstens {MaxYears} jaar lang.");
        }

        return new ReportPeriod(from, to);
    }

    public static ReportPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static ReportPeriod Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4
            ? new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1))
            : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>"oktober 2026", "3e kwartaal 2026", "2026" or "1 februari 2026 t/m 15 maart 2026".</summary>
    public string Label
    {
        get
        {
            if (this == Year(From.Year))
            {
                return From.Year.ToString(CultureInfo.InvariantCulture);
            }

            if (this == Month(From.Year, From.Month))
            {
                return From.ToString("MMMM yyyy", DutchCulture.Instance);
            }

            var quarter = ((From.Month - 1) / 3) + 1;
            if (this == Quarter(From.Year, quarter))
            {
                return $"{quarter}e kwartaal {From.Year.ToString(CultureInfo.InvariantCulture)}";
            }

            return $"{From.ToString("d MMMM yyyy", DutchCulture.Instance)} t/m {To.ToString("d MMMM yyyy", DutchCulture.Instance)}";
        }
    }

    public bool Contains(DateOnly day) => From <= day && day <= To;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}");
}
