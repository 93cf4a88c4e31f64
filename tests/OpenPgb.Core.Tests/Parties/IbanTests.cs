using OpenPgb.Core.Parties;
using Shouldly;

namespace OpenPgb.Core.Tests.Parties;

public sealed class IbanTests
{
    // Example IBANs of the national registries (SWIFT IBAN registry examples).
    [Theory]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("NL02ABNA0417164350")]
    [InlineData("NL98ABNA0417164368")]
    [InlineData("NL97ABNA0417164386")]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData("BE68539007547034")]
    [InlineData("DE89370400440532013000")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("ES9121000418450200051332")]
    [InlineData("NO9386011117947")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    [InlineData("CH9300762011623852957")]
    public void IsValid_RegistryExamples_AreValid(string iban) => Iban.IsValid(iban).ShouldBeTrue();

    [Theory]
    [InlineData("NL91ABNA0417164301", "controlecijfers")]

    // Pass mod-97 (97 apart from the valid NL02/NL98/NL97 forms of the same account) but ISO 13616 allows only 02-98.
    [InlineData("NL99ABNA0417164350", "controlecijfers")]
    [InlineData("NL01ABNA0417164368", "controlecijfers")]
    [InlineData("NL00ABNA0417164386", "controlecijfers")]
    [InlineData("NL19ABNA0417164300", "controlecijfers")]
    [InlineData("DE89370400440532013001", "controlecijfers")]
    [InlineData("GB29NWBK6016133192681", "22 tekens")]
    [InlineData("NL91ABNA04171643000", "18 tekens")]
    [InlineData("BE6853900754703", "16 tekens")]
    [InlineData("XX91ABNA0417164300", "land XX")]
    [InlineData("NL9AABNA0417164300", "landcode")]
    [InlineData("NL91AB1A0417164300", "vier letters")]
    [InlineData("NL91ABNA04171643-0", "alleen uit letters en cijfers")]
    [InlineData("", "volledig")]
    [InlineData(null, "volledig")]
    public void Validate_InvalidIbans_SaySpecificallyWhy(string? iban, string reason) =>
        Iban.Validate(iban).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void Normalize_RemovesSpacesAndUpperCases() => Iban.Normalize(" nl91 abna 0417 1643 00 ").ShouldBe("NL91ABNA0417164300");

    [Fact]
    public void Format_GroupsByFour() => Iban.Format("NL91ABNA0417164300").ShouldBe("NL91 ABNA 0417 1643 00");
}
