using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.CareAgreements;

/// <summary>Each agreement rule on its facts alone, without a database; a refusal names every rule the terms break.</summary>
public sealed class CareAgreementRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly CareAgreementTerms Valid = new(
        AgreementType.Assignment, ["01"], new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30), TariffUnit.Hour, 5_000, 20, null, null);

    public static TheoryData<string, string> Cases() => new()
    {
        { "no care function", nameof(AgreementMustCoverGrantedCareFunctions) },
        { "care function outside the grant", nameof(AgreementMustCoverGrantedCareFunctions) },
        { "end before start", nameof(AgreementMustFallWithinGrant) },
        { "ends after the grant", nameof(AgreementMustFallWithinGrant) },
        { "tariff of zero", nameof(TariffMustBePositive) },
        { "negative expected volume", nameof(TariffMustBePositive) },
        { "fixed monthly amount of zero", nameof(TariffMustBePositive) },
        { "holiday allowance for a self-employed provider", nameof(HolidayAllowanceOnlyForInformalCarers) },
        { "holiday allowance of zero", nameof(HolidayAllowanceOnlyForInformalCarers) },
    };

    [Fact]
    public void ValidTerms_BreakNoRule() => Violations(Valid, GrantVersions.For2026("01", Now)).ShouldBeEmpty();

    [Fact]
    public void WholePackage_AllowsAnyCareFunction() => Violations(Valid with { CareFunctionCodes = ["02", "07"] }, GrantVersions.For2026(CareFunctionCodes.WholePackage, Now)).ShouldBeEmpty();

    [Fact]
    public void InformalCarer_MayHaveAHolidayAllowance() =>
        Violations(Valid with { Type = AgreementType.InformalCarer, HolidayAllowanceCents = 15_000 }, GrantVersions.For2026("01", Now)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachCase_BreaksExactlyItsRule(string name, string rule)
    {
        var terms = name switch
        {
            "no care function" => Valid with { CareFunctionCodes = [] },
            "care function outside the grant" => Valid with { CareFunctionCodes = ["01", "02"] },
            "end before start" => Valid with { EndDate = Valid.StartDate.AddDays(-1) },
            "ends after the grant" => Valid with { EndDate = new DateOnly(2027, 1, 31) },
            "tariff of zero" => Valid with { TariffCents = 0 },
            "negative expected volume" => Valid with { ExpectedUnitsPerMonth = -1 },
            "fixed monthly amount of zero" => Valid with { FixedMonthlyCents = 0 },
            "holiday allowance for a self-employed provider" => Valid with { HolidayAllowanceCents = 15_000 },
            "holiday allowance of zero" => Valid with { Type = AgreementType.InformalCarer, HolidayAllowanceCents = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var violations = Violations(terms, GrantVersions.For2026("01", Now));

        violations.Select(v => v.Rule).ShouldBe([rule]);
        violations[0].Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Require_RefusesWithEveryBrokenRule()
    {
        var refused = Should.Throw<RulesNotMetException>(() => CareAgreementRules.Require(Valid with { CareFunctionCodes = [], TariffCents = 0 }, GrantVersions.For2026("01", Now)));

        refused.Violations.Select(v => v.Rule).ShouldBe([nameof(AgreementMustCoverGrantedCareFunctions), nameof(TariffMustBePositive)]);
        refused.Rule.ShouldBe(nameof(AgreementMustCoverGrantedCareFunctions));
    }

    [Theory]
    [InlineData(5_000L, null, false)]
    [InlineData(5_000L, 5_000L, false)]
    [InlineData(5_001L, 5_000L, true)]
    public void TariffMustNotExceedMaximum_AtApproval(long tariff, long? maximum, bool refused)
    {
        var version = CareAgreement.Draft(1, 1, 1, 10, Valid with { TariffCents = tariff }, Now).PendingVersion!;

        RuleSet.FindingsOf(CareAgreementRules.OnApproval, new AssessmentCheck(version, maximum)).Select(v => v.Rule)
            .ShouldBe(refused ? [nameof(TariffMustNotExceedMaximum)] : []);
    }

    private static IReadOnlyList<RuleViolation> Violations(CareAgreementTerms terms, GrantVersion grant) =>
        RuleSet.FindingsOf(CareAgreementRules.OnTerms, new AgreementTermsCheck(terms, grant));
}
