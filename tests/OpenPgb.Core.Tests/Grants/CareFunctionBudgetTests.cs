using OpenPgb.Core.Grants;
using Shouldly;

namespace OpenPgb.Core.Tests.Grants;

public sealed class CareFunctionBudgetTests
{
    [Fact]
    public void PerCalendarYear_WhenCrossingTheYear_SplitsByDaysAndSumsToTheAmount()
    {
        var budget = new CareFunctionBudget("02", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 1_250_001, null);

        var parts = budget.PerCalendarYear();

        parts.Count.ShouldBe(2);
        parts[0].Year.ShouldBe(2026);
        parts[0].To.ShouldBe(new DateOnly(2026, 12, 31));
        parts[0].AmountCents.ShouldBe(1_250_001L * 275 / 365);
        parts[1].From.ShouldBe(new DateOnly(2027, 1, 1));
        parts.Sum(p => p.AmountCents).ShouldBe(1_250_001);
        budget.CrossesYearBoundary.ShouldBeTrue();
    }

    [Fact]
    public void PerCalendarYear_WithinOneYear_IsTheWholeAmount()
    {
        var budget = new CareFunctionBudget("03", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 800_000, null);
        budget.PerCalendarYear().ShouldHaveSingleItem().AmountCents.ShouldBe(800_000);
    }

    [Fact]
    public void Constructor_WhenEndBeforeStart_Throws() =>
        Should.Throw<ArgumentException>(() => new CareFunctionBudget("03", new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31), 100, null));

    [Theory]
    [InlineData(0L, null)]
    [InlineData(-5L, null)]
    [InlineData(100L, 101L)]
    public void Constructor_WhenAmountsInvalid_Throws(long amount, long? free) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new CareFunctionBudget("03", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), amount, free));
}
