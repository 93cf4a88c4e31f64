namespace OpenPgb.Core.Payments;

/// <summary>
/// TARGET2 closing days: weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December.
/// A requested execution date must be a banking day.
/// </summary>
public static class BankingCalendar
{
    public static bool IsBankingDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (12, 25) or (12, 26))
        {
            return false;
        }

        var easter = EasterSunday(date.Year);
        return date != easter.AddDays(-2) && date != easter.AddDays(1);
    }

    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsBankingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The banking day <paramref name="days"/> banking days after <paramref name="date"/> (which need not be one).</summary>
    public static DateOnly AddBankingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        for (var i = 0; i < days; i++)
        {
            date = OnOrAfter(date.AddDays(1));
        }

        return days == 0 ? OnOrAfter(date) : date;
    }

    /// <summary>Gregorian Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
