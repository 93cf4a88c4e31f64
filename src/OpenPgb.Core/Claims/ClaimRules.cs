using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.Claims;

/// <summary>Everything the claim rules look at, gathered once by <see cref="ClaimService"/>.</summary>
public sealed record ClaimCheck(
    ClaimInput Input,
    CareAgreement Agreement,
    CareAgreementVersion? Version,
    GrantVersion Grant,
    string BudgetCode,
    long AmountCents,
    long? MaximumTariffCents,
    IReadOnlyList<Claim> OtherClaimsOfAgreement,
    IReadOnlyList<Claim> OtherHourClaimsOfProvider,
    BudgetPosition Budget,
    long HolidayAllowanceClaimedInYear,
    bool InvoiceNumberUsed,
    DateOnly Today);

/// <summary>The rules every claim passes on submission; approval checks the budget again.</summary>
public static class ClaimRules
{
    public static IReadOnlyList<IRule<ClaimCheck, RuleViolation>> All { get; } =
    [
        new ClaimCoversOneMonth(),
        new InvoiceIsComplete(),
        new AgreementApprovedForPeriodAndCareFunction(),
        new GrantCoversPeriod(),
        new TariffWithinMaximum(),
        new UnitsPlausible(),
        new NoOverlapOnAgreement(),
        new HolidayAllowanceWithinCap(),
        new AmountPositive(),
        new BudgetSufficient(),
    ];

    /// <summary>Every rule a claim breaks: rules are independent, so a refused claim lists every reason.</summary>
    public static IReadOnlyList<RuleViolation> Violations(ClaimCheck check) => RuleSet.FindingsOf(All, check);

    internal static bool Overlaps(DateOnly start, DateOnly end, Claim other) => other.PeriodStart <= end && other.PeriodEnd >= start;

    internal static int Days(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber + 1;
}

/// <summary>A claim covers days of one calendar month, the end not before the start.</summary>
public sealed class ClaimCoversOneMonth : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        check.Input.PeriodEnd < check.Input.PeriodStart || check.Input.PeriodStart.Year != check.Input.PeriodEnd.Year || check.Input.PeriodStart.Month != check.Input.PeriodEnd.Month
            ? "Een declaratie gaat over dagen in één kalendermaand; de einddatum ligt niet vóór de begindatum."
            : check.Input.PeriodStart > check.Today
                ? "U kunt geen zorg declareren die nog moet worden geleverd."
                : null;
}

/// <summary>An invoice number (unique per provider) and an invoice date not in the future.</summary>
public sealed class InvoiceIsComplete : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        string.IsNullOrWhiteSpace(check.Input.InvoiceNumber) || check.Input.InvoiceNumber.Trim().Length > 35
            ? "Vul een factuurnummer in van hoogstens 35 tekens."
            : check.InvoiceNumberUsed
                ? $"Factuurnummer {check.Input.InvoiceNumber.Trim()} is al eerder gedeclareerd."
                : check.Input.InvoiceDate > check.Today
                    ? "De factuurdatum ligt in de toekomst."
                    : null;
}

/// <summary>The agreement is approved (not ended before the period), covers the whole period and the care function.</summary>
public sealed class AgreementApprovedForPeriodAndCareFunction : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check)
    {
        if (check.Version is not { } version)
        {
            return "De zorgovereenkomst is (nog) niet goedgekeurd; er kan niet op worden gedeclareerd.";
        }

        var endsOn = check.Agreement.EndedOn is { } ended && ended < version.EndDate ? ended : version.EndDate;
        if (check.Input.PeriodStart < version.StartDate || check.Input.PeriodEnd > endsOn)
        {
            return $"De periode valt buiten de zorgovereenkomst ({version.StartDate:dd-MM-yyyy} t/m {endsOn:dd-MM-yyyy}).";
        }

        if (check.Input.Kind == ClaimKind.HolidayAllowance)
        {
            return null;
        }

        return version.CareFunctionCodes.Contains(check.Input.CareFunctionCode)
            ? null
            : $"Zorgfunctie {check.Input.CareFunctionCode} staat niet in de zorgovereenkomst.";
    }
}

/// <summary>The grant (its current version) has a budget for this care function over the whole period.</summary>
public sealed class GrantCoversPeriod : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        check.Grant.CareFunctionBudgets.Any(b => b.CareFunctionCode == check.BudgetCode && b.StartDate <= check.Input.PeriodStart && b.EndDate >= check.Input.PeriodEnd)
            ? null
            : $"Het budget heeft voor zorgfunctie {check.BudgetCode} geen toekenning over de hele periode.";
}

/// <summary>The tariff applied (always the agreement's) is at most the grantor's maximum on the first day of the period.</summary>
public sealed class TariffWithinMaximum : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        check.Input.Kind == ClaimKind.Care && check.Version is { } version && check.MaximumTariffCents is { } maximum && version.TariffCents > maximum
            ? $"Het tarief van {Money.FormatEuro(version.TariffCents)} is hoger dan het maximumtarief van {Money.FormatEuro(maximum)}."
            : null;
}

/// <summary>
/// Units are positive with at most two decimals and fit the period: at most 24 hours a day over all of the provider's
/// hour claims, three day parts (ochtend, middag, avond) or one day per day, one month per month.
/// </summary>
public sealed class UnitsPlausible : SingleMessageRule<ClaimCheck>
{
    public const int DayPartsPerDay = 3;

    /// <summary>More than any unit fits in a month (24 hours x 31 days = 744): a bound before any arithmetic.</summary>
    public const int MaximumUnits = 1_000;

    protected override string? Violation(ClaimCheck check)
    {
        if (check.Input.Kind != ClaimKind.Care || check.Version is not { } version)
        {
            return null;
        }

        var units = check.Input.Units;
        if (units <= 0 || decimal.Round(units, 2) != units)
        {
            return "Het aantal eenheden moet groter zijn dan nul, met hoogstens twee decimalen.";
        }

        var start = check.Input.PeriodStart;
        var end = check.Input.PeriodEnd;
        if (end < start)
        {
            // ClaimCoversOneMonth refuses the period; units measured against it would only add a confusing second reason.
            return null;
        }

        var days = ClaimRules.Days(start, end);
        switch (version.TariffUnit)
        {
            case TariffUnit.Hour:
                var overlapping = check.OtherHourClaimsOfProvider.Where(c => ClaimRules.Overlaps(start, end, c)).ToList();
                var from = overlapping.Select(c => c.PeriodStart).Append(start).Min();
                var to = overlapping.Select(c => c.PeriodEnd).Append(end).Max();
                var hours = overlapping.Sum(c => c.Units) + units;
                return hours > 24 * ClaimRules.Days(from, to)
                    ? $"Samen met andere declaraties van deze zorgverlener komt dit op meer dan 24 uur per dag ({hours:0.##} uur in {ClaimRules.Days(from, to)} dagen)."
                    : null;
            case TariffUnit.DayPart:
                return units > DayPartsPerDay * days ? $"Een periode van {days} dagen heeft hoogstens {DayPartsPerDay * days} dagdelen." : null;
            case TariffUnit.Day:
                return units > days ? $"Een periode van {days} dagen heeft hoogstens {days} dagen zorg." : null;
            case TariffUnit.Month:
                return units > 1 ? "Een declaratie per maand gaat over hoogstens één maand." : null;
            default:
                return null;
        }
    }
}

/// <summary>No other claim of the same kind on the same agreement and care function overlaps the period (rejected ones aside).</summary>
public sealed class NoOverlapOnAgreement : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check)
    {
        var overlap = check.OtherClaimsOfAgreement.FirstOrDefault(c =>
            c.Status != ClaimStatus.Rejected && c.Kind == check.Input.Kind && c.CareFunctionCode == check.Input.CareFunctionCode
            && ClaimRules.Overlaps(check.Input.PeriodStart, check.Input.PeriodEnd, c));
        return overlap is null
            ? null
            : $"Er is al een declaratie voor deze overeenkomst over {overlap.PeriodStart:dd-MM-yyyy} t/m {overlap.PeriodEnd:dd-MM-yyyy} (factuur {overlap.InvoiceNumber}).";
    }
}

/// <summary>A holiday allowance only where the agreement has one, and within its yearly cap.</summary>
public sealed class HolidayAllowanceWithinCap : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check)
    {
        if (check.Input.Kind != ClaimKind.HolidayAllowance || check.Version is not { } version)
        {
            return null;
        }

        if (version.HolidayAllowanceCents is not { } cap)
        {
            return "Deze zorgovereenkomst heeft geen feestdagenuitkering.";
        }

        if (check.AmountCents <= 0)
        {
            return "Vul het bedrag van de feestdagenuitkering in.";
        }

        return check.HolidayAllowanceClaimedInYear + check.AmountCents > cap
            ? $"De feestdagenuitkering gaat boven het jaarbedrag van {Money.FormatEuro(cap)} (al gedeclareerd in {check.Input.PeriodStart.Year}: {Money.FormatEuro(check.HolidayAllowanceClaimedInYear)})."
            : null;
    }
}

/// <summary>
/// The claim comes to at least one cent; a fixed monthly amount is claimed only by the monthly job, for an agreement
/// that has one.
/// </summary>
public sealed class AmountPositive : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        check.Input.Kind == ClaimKind.FixedMonthly && check.Version?.FixedMonthlyCents is null
            ? "Deze zorgovereenkomst heeft geen vast maandbedrag."
            : check.Version is not null && check.AmountCents <= 0 && check.Input.Kind != ClaimKind.HolidayAllowance
                ? "De declaratie komt op € 0,00; controleer het aantal eenheden."
                : null;
}

/// <summary>The care-function budget (or the whole package) has enough left for this year, counting approved claims.</summary>
public sealed class BudgetSufficient : SingleMessageRule<ClaimCheck>
{
    protected override string? Violation(ClaimCheck check) =>
        check.AmountCents > check.Budget.RemainingCents
            ? $"Er is niet genoeg budget voor zorgfunctie {check.BudgetCode} in {check.Budget.Year}: nog {Money.FormatEuro(Math.Max(0, check.Budget.RemainingCents))} beschikbaar, gedeclareerd {Money.FormatEuro(check.AmountCents)}."
            : null;
}
