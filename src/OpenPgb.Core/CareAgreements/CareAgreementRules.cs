using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.CareAgreements;

/// <summary>The rules an agreement's terms must meet before they are saved. Each throws with its own name and Dutch message.</summary>
public static class CareAgreementRules
{
    public static void Check(CareAgreementTerms terms, GrantVersion grant)
    {
        AgreementMustCoverGrantedCareFunctions(terms, grant);
        AgreementMustFallWithinGrant(terms, grant);
        TariffMustBePositive(terms);
        HolidayAllowanceOnlyForInformalCarers(terms);
    }

    /// <summary>Only the grant's care functions; a grant with care function 99 (whole package) allows any.</summary>
    public static void AgreementMustCoverGrantedCareFunctions(CareAgreementTerms terms, GrantVersion grant)
    {
        if (terms.CareFunctionCodes.Count == 0)
        {
            throw new BusinessRuleException(nameof(AgreementMustCoverGrantedCareFunctions), "Kies ten minste één zorgfunctie.");
        }

        if (grant.IsWholePackage)
        {
            return;
        }

        var granted = grant.CareFunctionBudgets.Select(b => b.CareFunctionCode).ToHashSet(StringComparer.Ordinal);
        var outside = terms.CareFunctionCodes.Where(c => !granted.Contains(c)).ToList();
        if (outside.Count > 0)
        {
            throw new BusinessRuleException(nameof(AgreementMustCoverGrantedCareFunctions), $"Zorgfunctie {string.Join(", ", outside)} hoort niet bij dit budget.");
        }
    }

    public static void AgreementMustFallWithinGrant(CareAgreementTerms terms, GrantVersion grant)
    {
        if (terms.EndDate < terms.StartDate)
        {
            throw new BusinessRuleException(nameof(AgreementMustFallWithinGrant), "De einddatum ligt vóór de begindatum.");
        }

        if (grant.StartDate is not { } start || grant.EndDate is not { } end || terms.StartDate < start || terms.EndDate > end)
        {
            throw new BusinessRuleException(
                nameof(AgreementMustFallWithinGrant),
                $"De periode moet binnen de toekenning vallen ({grant.StartDate:dd-MM-yyyy} t/m {grant.EndDate:dd-MM-yyyy}).");
        }
    }

    public static void TariffMustBePositive(CareAgreementTerms terms)
    {
        if (terms.TariffCents <= 0 || terms.ExpectedUnitsPerMonth < 0 || terms.FixedMonthlyCents <= 0)
        {
            throw new BusinessRuleException(nameof(TariffMustBePositive), "Tarief en vast maandbedrag moeten groter zijn dan nul; de verwachte omvang is niet negatief.");
        }
    }

    /// <summary>The feestdagenuitkering exists only for informal carers.</summary>
    public static void HolidayAllowanceOnlyForInformalCarers(CareAgreementTerms terms)
    {
        if (terms.HolidayAllowanceCents is { } allowance && (terms.Type != AgreementType.InformalCarer || allowance <= 0))
        {
            throw new BusinessRuleException(nameof(HolidayAllowanceOnlyForInformalCarers), "Een feestdagenuitkering is alleen mogelijk voor een informele zorgverlener, met een bedrag groter dan nul.");
        }
    }

    /// <summary>Beleidsregel of the grantor: an agreement above its maximum tariff cannot be approved.</summary>
    public static void TariffMustNotExceedMaximum(CareAgreementVersion version, long? maximumCents)
    {
        if (maximumCents is { } maximum && version.TariffCents > maximum)
        {
            throw new BusinessRuleException(
                nameof(TariffMustNotExceedMaximum),
                $"Het tarief van {Money.FormatEuro(version.TariffCents)} is hoger dan het maximumtarief van {Money.FormatEuro(maximum)}; deze overeenkomst kan niet worden goedgekeurd.");
        }
    }
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
