using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Ledger;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Claims;

/// <summary>
/// Each claim rule on its facts alone, without a database: a valid claim breaks no rule, and each case below breaks
/// exactly the one rule it names.
/// </summary>
public sealed class ClaimRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly CareAgreementTerms Terms = new(
        AgreementType.Assignment, ["01"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), TariffUnit.Hour, 5_000, 20, null, null);

    private static readonly ClaimInput May = new(1, ClaimKind.Care, "01", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), 10m, null, "F-2026-001", new DateOnly(2026, 6, 1));

    private static readonly IReadOnlyDictionary<string, (Func<ClaimCheck, ClaimCheck> Change, string Rule)> Cases =
        new Dictionary<string, (Func<ClaimCheck, ClaimCheck>, string)>
        {
            ["period over two months"] = (c => c with { Input = c.Input with { PeriodEnd = new DateOnly(2026, 6, 2) } }, nameof(ClaimCoversOneMonth)),
            ["end before start"] = (c => c with { Input = c.Input with { PeriodEnd = new DateOnly(2026, 4, 30) } }, nameof(ClaimCoversOneMonth)),
            ["care still to come"] = (c => c with { Input = c.Input with { PeriodStart = new DateOnly(2026, 7, 1), PeriodEnd = new DateOnly(2026, 7, 31) } }, nameof(ClaimCoversOneMonth)),
            ["no invoice number"] = (c => c with { Input = c.Input with { InvoiceNumber = "  " } }, nameof(InvoiceIsComplete)),
            ["invoice number of 36 characters"] = (c => c with { Input = c.Input with { InvoiceNumber = new string('F', 36) } }, nameof(InvoiceIsComplete)),
            ["invoice number used before"] = (c => c with { InvoiceNumberUsed = true }, nameof(InvoiceIsComplete)),
            ["invoice dated tomorrow"] = (c => c with { Input = c.Input with { InvoiceDate = Today.AddDays(1) } }, nameof(InvoiceIsComplete)),
            ["agreement not approved"] = (c => c with { Version = null }, nameof(AgreementApprovedForPeriodAndCareFunction)),
            ["period before the agreement"] = (c => c with { Agreement = Agreement(Terms with { StartDate = new DateOnly(2026, 5, 10) }), Version = Agreement(Terms with { StartDate = new DateOnly(2026, 5, 10) }).PendingVersion }, nameof(AgreementApprovedForPeriodAndCareFunction)),
            ["care function not agreed"] = (c => c with { Input = c.Input with { CareFunctionCode = "02" }, BudgetCode = "01" }, nameof(AgreementApprovedForPeriodAndCareFunction)),
            ["no budget for the care function"] = (c => c with { BudgetCode = "02" }, nameof(GrantCoversPeriod)),
            ["tariff above the maximum"] = (c => c with { MaximumTariffCents = 4_999 }, nameof(TariffWithinMaximum)),
            ["no units"] = (c => c with { Input = c.Input with { Units = 0m } }, nameof(UnitsPlausible)),
            ["three decimals"] = (c => c with { Input = c.Input with { Units = 1.005m } }, nameof(UnitsPlausible)),
            ["more than 24 hours a day with the provider's other claims"] = (c => c with { OtherHourClaimsOfProvider = [Other(740m, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))] }, nameof(UnitsPlausible)),
            ["four day parts in a day"] = (c => c with { Version = Version(Terms with { TariffUnit = TariffUnit.DayPart }), Input = c.Input with { PeriodEnd = c.Input.PeriodStart, Units = 4m } }, nameof(UnitsPlausible)),
            ["overlaps a claim on the agreement"] = (c => c with { OtherClaimsOfAgreement = [Other(2m, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 21))] }, nameof(NoOverlapOnAgreement)),
            ["holiday allowance without one agreed"] = (c => c with { Input = c.Input with { Kind = ClaimKind.HolidayAllowance, HolidayAllowanceCents = 10_000 }, AmountCents = 10_000 }, nameof(HolidayAllowanceWithinCap)),
            ["holiday allowance above the yearly cap"] = (c => HolidayAllowance(c, cap: 20_000, claimedBefore: 15_000, amount: 10_000), nameof(HolidayAllowanceWithinCap)),
            ["fixed monthly amount not agreed"] = (c => c with { Input = c.Input with { Kind = ClaimKind.FixedMonthly } }, nameof(AmountPositive)),
            ["comes to nothing"] = (c => c with { AmountCents = 0 }, nameof(AmountPositive)),
            ["more than the budget has left"] = (c => c with { Budget = c.Budget with { SpentCents = 990_000 } }, nameof(BudgetSufficient)),
        };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void ValidClaim_BreaksNoRule() => ClaimRules.Violations(Valid()).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EachCase_BreaksExactlyItsRule_WithADutchMessage(string name)
    {
        var (change, rule) = Cases[name];

        var violations = ClaimRules.Violations(change(Valid()));

        violations.Select(v => v.Rule).ShouldBe([rule]);
        violations[0].Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void EveryRule_HasACase() =>
        ClaimRules.All.Select(r => r.GetType().Name).Except(Cases.Values.Select(c => c.Rule)).ShouldBeEmpty();

    [Fact]
    public void RejectedClaim_DoesNotCountAsOverlap() =>
        ClaimRules.Violations(Valid() with { OtherClaimsOfAgreement = [Rejected(Other(2m, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 21)))] }).ShouldBeEmpty();

    [Fact]
    public void HoursUpTo24ADay_AcrossTheProvidersClaims_Hold() =>
        ClaimRules.Violations(Valid() with { OtherHourClaimsOfProvider = [Other(734m, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))] }).ShouldBeEmpty();

    [Fact]
    public void HolidayAllowance_WithinItsCap_IgnoresTheCareFunction() =>
        ClaimRules.Violations(HolidayAllowance(Valid(), cap: 20_000, claimedBefore: 5_000, amount: 10_000) with { Input = HolidayAllowance(Valid(), 20_000, 5_000, 10_000).Input with { CareFunctionCode = "02" } }).ShouldBeEmpty();

    [Fact]
    public void NoMaximumTariff_MeansNoTariffCheck() => ClaimRules.Violations(Valid() with { MaximumTariffCents = null }).ShouldBeEmpty();

    private static ClaimCheck Valid()
    {
        var agreement = Agreement(Terms);
        return new ClaimCheck(
            May,
            agreement,
            agreement.PendingVersion,
            GrantVersions.For2026("01", Now),
            "01",
            AmountCents: 50_000,
            MaximumTariffCents: 6_000,
            OtherClaimsOfAgreement: [],
            OtherHourClaimsOfProvider: [],
            new BudgetPosition("01", 2026, GrantedCents: 1_000_000, CommittedCents: 0, SpentCents: 0),
            HolidayAllowanceClaimedInYear: 0,
            InvoiceNumberUsed: false,
            Today);
    }

    private static ClaimCheck HolidayAllowance(ClaimCheck check, long cap, long claimedBefore, long amount)
    {
        var terms = Terms with { Type = AgreementType.InformalCarer, HolidayAllowanceCents = cap };
        return check with
        {
            Agreement = Agreement(terms),
            Version = Version(terms),
            Input = check.Input with { Kind = ClaimKind.HolidayAllowance, HolidayAllowanceCents = amount },
            AmountCents = amount,
            HolidayAllowanceClaimedInYear = claimedBefore,
        };
    }

    private static CareAgreement Agreement(CareAgreementTerms terms) => CareAgreement.Draft(1, 1, 1, 10, terms, Now);

    private static CareAgreementVersion Version(CareAgreementTerms terms) => Agreement(terms).PendingVersion!;


    private static Claim Other(decimal units, DateOnly start, DateOnly end)
    {
        var agreement = Agreement(Terms);
        return Claim.Submit(May with { PeriodStart = start, PeriodEnd = end, Units = units, InvoiceNumber = "F-OTHER" }, agreement, agreement.PendingVersion!, "01", ClaimChannel.Portal, "zorgverlener", Now);
    }

    private static Claim Rejected(Claim claim)
    {
        claim.Reject("budgethouder", "Niet geleverd", Now);
        return claim;
    }
}
