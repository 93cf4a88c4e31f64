using OpenPgb.Core.Common;
using Shouldly;

namespace OpenPgb.Core.Tests.Parties;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("35", 3_500)]
    [InlineData("35,5", 3_550)]
    [InlineData("35,50", 3_550)]
    [InlineData("€ 1.250,00", 125_000)]
    [InlineData("35.50", 3_550)]
    [InlineData("0,01", 1)]
    public void TryParseEuro_DutchAndPlainNotation_GivesCents(string text, long cents)
    {
        Money.TryParseEuro(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(cents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("35,555")]
    [InlineData("-5")]
    [InlineData("1.2.3")]
    [InlineData(null)]
    public void TryParseEuro_Garbage_IsRefused(string? text) => Money.TryParseEuro(text, out _).ShouldBeFalse();

    [Fact]
    public void FormatInput_RoundTrips()
    {
        Money.TryParseEuro(Money.FormatInput(123_405), out var cents).ShouldBeTrue();
        cents.ShouldBe(123_405);
    }
}
