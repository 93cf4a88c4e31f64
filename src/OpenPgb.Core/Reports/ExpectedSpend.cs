namespace OpenPgb.Core.Reports;

/// <summary>What an agreement's monthly amount comes to over some days: each month pro rata by the days it covers.</summary>
public static class ExpectedSpend
{
    public static long Between(long monthlyCents, DateOnly from, DateOnly to)
    {
        long cents = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            var first = from > month ? from : month;
            var last = to < month.AddDays(days - 1) ? to : month.AddDays(days - 1);
            cents += monthlyCents * (last.DayNumber - first.DayNumber + 1) / days;
        }

        return cents;
    }
}
