namespace OpenPgb.Core.Grants;

/// <summary>Zorgfunctiebudget: the amount granted for one care function over one period, in euro cents.</summary>
public sealed class CareFunctionBudget
{
    private CareFunctionBudget()
    {
        CareFunctionCode = string.Empty;
    }

    public CareFunctionBudget(string careFunctionCode, DateOnly startDate, DateOnly endDate, long amountCents, long? unaccountableCents)
    {
        if (endDate < startDate)
        {
            throw new ArgumentException("A care-function budget cannot end before it starts.", nameof(endDate));
        }

        if (amountCents <= 0 || unaccountableCents < 0 || unaccountableCents > amountCents)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "The amount must be positive and cover the unaccountable allowance.");
        }

        CareFunctionCode = careFunctionCode;
        StartDate = startDate;
        EndDate = endDate;
        AmountCents = amountCents;
        UnaccountableCents = unaccountableCents;
    }

    public long Id { get; private set; }

    public long GrantVersionId { get; private set; }

    public string CareFunctionCode { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public long AmountCents { get; private set; }

    public long? UnaccountableCents { get; private set; }

    public bool CrossesYearBoundary => StartDate.Year != EndDate.Year;

    internal CareFunctionBudget Copy() => new(CareFunctionCode, StartDate, EndDate, AmountCents, UnaccountableCents);

    /// <summary>
    /// The amount split over the calendar years the period touches, pro rata by days. Rounding: each year but the
    /// last gets floor(amount × days / total days); the last year gets the rest, so the parts always sum to the amount.
    /// </summary>
    public IReadOnlyList<(int Year, DateOnly From, DateOnly To, long AmountCents)> PerCalendarYear()
    {
        var totalDays = EndDate.DayNumber - StartDate.DayNumber + 1;
        var parts = new List<(int, DateOnly, DateOnly, long)>();
        long assigned = 0;
        for (var year = StartDate.Year; year <= EndDate.Year; year++)
        {
            var from = year == StartDate.Year ? StartDate : new DateOnly(year, 1, 1);
            var to = year == EndDate.Year ? EndDate : new DateOnly(year, 12, 31);
            long amount;
            if (year == EndDate.Year)
            {
                amount = AmountCents - assigned;
            }
            else
            {
                amount = AmountCents * (to.DayNumber - from.DayNumber + 1) / totalDays;
            }

            assigned += amount;
            parts.Add((year, from, to, amount));
        }

        return parts;
    }

    /// <summary>
    /// The part of the amount for the days <paramref name="from"/> to <paramref name="to"/> (inclusive): within each
    /// calendar year's part (<see cref="PerCalendarYear"/>), pro rata by days, rounded on the running total, so that
    /// the parts of consecutive periods (twelve months, four quarters) always sum to that year's part to the cent.
    /// </summary>
    public long AmountWithin(DateOnly from, DateOnly to)
    {
        long amount = 0;
        foreach (var (_, yearFrom, yearTo, yearAmount) in PerCalendarYear())
        {
            var first = from > yearFrom ? from : yearFrom;
            var last = to < yearTo ? to : yearTo;
            if (first <= last)
            {
                amount += UpTo(last, yearFrom, yearTo, yearAmount) - UpTo(first.AddDays(-1), yearFrom, yearTo, yearAmount);
            }
        }

        return amount;
    }

    // The part of a year's amount for its days up to and including day (floor, the whole amount on its last day).
    private static long UpTo(DateOnly day, DateOnly yearFrom, DateOnly yearTo, long yearAmount)
    {
        if (day < yearFrom)
        {
            return 0;
        }

        var days = yearTo.DayNumber - yearFrom.DayNumber + 1;
        var elapsed = Math.Min(day.DayNumber, yearTo.DayNumber) - yearFrom.DayNumber + 1;
        return yearAmount * elapsed / days;
    }
}
