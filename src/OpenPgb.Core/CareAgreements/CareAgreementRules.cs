using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.CareAgreements;

/// <summary>The facts the agreement rules look at: the terms as written and the grant version they must fit.</summary>
public sealed record AgreementTermsCheck(CareAgreementTerms Terms, GrantVersion Grant);

/// <summary>The facts of an assessment: the version to approve and the grantor's maximum tariff on its first day.</summary>
public sealed record AssessmentCheck(CareAgreementVersion Version, long? MaximumTariffCents);

/// <summary>The rules an agreement's terms must meet before they are saved, and the grantor's rule at approval.</summary>
public static class CareAgreementRules
{
    public static IReadOnlyList<IRule<AgreementTermsCheck, RuleViolation>> OnTerms { get; } =
    [
        new AgreementMustCoverGrantedCareFunctions(),
        new AgreementMustFallWithinGrant(),
        new TariffMustBePositive(),
        new HolidayAllowanceOnlyForInformalCarers(),
    ];

    public static IReadOnlyList<IRule<AssessmentCheck, RuleViolation>> OnApproval { get; } = [new TariffMustNotExceedMaximum()];

    /// <summary>Refuses terms that break any rule, with every violation.</summary>
    public static void Require(CareAgreementTerms terms, GrantVersion grant) =>
        RulesNotMetException.ThrowIfAny(RuleSet.FindingsOf(OnTerms, new AgreementTermsCheck(terms, grant)));

    /// <summary>Refuses an approval the grantor's policy does not allow.</summary>
    public static void RequireApprovable(CareAgreementVersion version, long? maximumTariffCents) =>
        RulesNotMetException.ThrowIfAny(RuleSet.FindingsOf(OnApproval, new AssessmentCheck(version, maximumTariffCents)));
}

/// <summary>Only the grant's care functions, at least one; a grant with care function 99 (whole package) allows any.</summary>
public sealed class AgreementMustCoverGrantedCareFunctions : SingleMessageRule<AgreementTermsCheck>
{
    protected override string? Violation(AgreementTermsCheck facts)
    {
        var (terms, grant) = facts;
        if (terms.CareFunctionCodes.Count == 0)
        {
            return "Kies ten minste één zorgfunctie.";
        }

        if (grant.IsWholePackage)
        {
            return null;
        }

        var granted = grant.CareFunctionBudgets.Select(b => b.CareFunctionCode).ToHashSet(StringComparer.Ordinal);
        var outside = terms.CareFunctionCodes.Where(c => !granted.Contains(c)).ToList();
        return outside.Count > 0 ? $"Zorgfunctie {string.Join(", ", outside)} hoort niet bij dit budget." : null;
    }
}

/// <summary>The agreement's period runs forward and lies within the grant's.</summary>
public sealed class AgreementMustFallWithinGrant : SingleMessageRule<AgreementTermsCheck>
{
    protected override string? Violation(AgreementTermsCheck facts)
    {
        var (terms, grant) = facts;
        if (terms.EndDate < terms.StartDate)
        {
            return "De einddatum ligt vóór de begindatum.";
        }

        return grant.StartDate is not { } start || grant.EndDate is not { } end || terms.StartDate < start || terms.EndDate > end
            ? $"De periode moet binnen de toekenning vallen ({grant.StartDate:dd-MM-yyyy} t/m {grant.EndDate:dd-MM-yyyy})."
            : null;
    }
}

/// <summary>Tariff and fixed monthly amount above zero; the expected volume not negative.</summary>
public sealed class TariffMustBePositive : SingleMessageRule<AgreementTermsCheck>
{
    protected override string? Violation(AgreementTermsCheck facts) =>
        facts.Terms.TariffCents <= 0 || facts.Terms.ExpectedUnitsPerMonth < 0 || facts.Terms.FixedMonthlyCents <= 0
            ? "Tarief en vast maandbedrag moeten groter zijn dan nul; de verwachte omvang is niet negatief."
            : null;
}

/// <summary>The feestdagenuitkering exists only for informal carers, and is more than zero.</summary>
public sealed class HolidayAllowanceOnlyForInformalCarers : SingleMessageRule<AgreementTermsCheck>
{
    protected override string? Violation(AgreementTermsCheck facts) =>
        facts.Terms.HolidayAllowanceCents is { } allowance && (facts.Terms.Type != AgreementType.InformalCarer || allowance <= 0)
            ? "Een feestdagenuitkering is alleen mogelijk voor een informele zorgverlener, met een bedrag groter dan nul."
            : null;
}

/// <summary>Beleidsregel of the grantor: an agreement above its maximum tariff cannot be approved.</summary>
public sealed class TariffMustNotExceedMaximum : SingleMessageRule<AssessmentCheck>
{
    protected override string? Violation(AssessmentCheck facts) =>
        facts.MaximumTariffCents is { } maximum && facts.Version.TariffCents > maximum
            ? $"Het tarief van {Money.FormatEuro(facts.Version.TariffCents)} is hoger dan het maximumtarief van {Money.FormatEuro(maximum)}; deze overeenkomst kan niet worden goedgekeurd."
            : null;
}

/// <summary>The reasons an employee chooses from when assessing; the letter quotes them.</summary>
public static class AssessmentReasons
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["00"] = "De overeenkomst voldoet aan de voorwaarden",
        ["01"] = "Het tarief is hoger dan het maximumtarief",
        ["02"] = "De zorg past niet bij de toegekende zorgfuncties",
        ["03"] = "De zorgverlener kan deze zorg niet leveren",
        ["04"] = "De overeenkomst is onvolledig of onjuist ingevuld",
        ["99"] = "Andere reden (zie toelichting)",
    };

    public const string Approval = "00";

    public static IReadOnlyDictionary<string, string> All => Names;

    public static IEnumerable<KeyValuePair<string, string>> ForRejection => Names.Where(n => n.Key != Approval);

    public static string NameOf(string code) => Names.GetValueOrDefault(code, code);

    public static bool IsValid(AssessmentDecision decision, string code) =>
        decision == AssessmentDecision.Approve ? code == Approval : Names.ContainsKey(code) && code != Approval;
}
