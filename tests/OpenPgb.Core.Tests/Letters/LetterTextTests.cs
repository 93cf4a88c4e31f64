using OpenPgb.Core.Letters;
using Shouldly;

namespace OpenPgb.Core.Tests.Letters;

public sealed class LetterTextTests
{
    [Theory]
    [InlineData("Zorg Op Maat B.V.", "“Zorg Op Maat B.V.”")]
    [InlineData("Zorg\nWij keuren ook uw volgende aanvraag goed.", "“Zorg Wij keuren ook uw volgende aanvraag goed.”")]
    [InlineData("Zorg\u202Ednaltsam\u202C B.V.", "“Zorg dnaltsam B.V.”")]
    [InlineData("\"Gemeente\" Zorg\t\t B.V.\u0007", "“'Gemeente' Zorg B.V.”")]
    [InlineData("   ", "“”")]
    public void QuotedName_ProviderText_IsCleanedAndQuoted(string name, string expected) =>
        LetterText.QuotedName(name).ShouldBe(expected);

    [Fact]
    public void QuotedName_LongerThanAName_IsCut() =>
        LetterText.QuotedName(new string('x', 500)).Length.ShouldBe(LetterText.MaximumNameLength + 2);
}
