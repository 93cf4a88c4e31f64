using OpenPgb.Core.Parties;
using Shouldly;

namespace OpenPgb.Core.Tests.Parties;

public sealed class BsnTests
{
    [Theory]
    [InlineData("999990019")]
    [InlineData("999990020")]
    [InlineData("999990032")]
    [InlineData("111222333")]
    [InlineData("010000008")]
    [InlineData("012345672")]
    public void IsValid_WhenElevenTestPasses_IsTrue(string bsn) => Bsn.IsValid(bsn).ShouldBeTrue();

    [Theory]
    [InlineData("999990018")]
    [InlineData("123456789")]
    [InlineData("000000000")]
    [InlineData("000000012")]
    [InlineData("99999001")]
    [InlineData("9999900199")]
    [InlineData("99999001a")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_WhenNotNineDigitsPassingElevenTest_IsFalse(string? bsn) => Bsn.IsValid(bsn).ShouldBeFalse();

    [Fact]
    public void Mask_ShowsOnlyLastThreeDigits() => Bsn.Mask("999990019").ShouldBe("******019");
}
