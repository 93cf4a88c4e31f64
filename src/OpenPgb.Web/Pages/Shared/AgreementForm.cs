using System.ComponentModel.DataAnnotations;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;

namespace OpenPgb.Web.Pages;

/// <summary>The agreement wizard's fields as the browser sends them; amounts are typed in euros and become cents here.</summary>
public sealed class AgreementForm
{
    [Required(ErrorMessage = "Kies het soort overeenkomst.")]
    public AgreementType? Type { get; set; }

    public List<string> CareFunctionCodes { get; set; } = [];

    [Required(ErrorMessage = "Vul de begindatum in.")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Vul de einddatum in.")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Kies de eenheid van het tarief.")]
    public TariffUnit? TariffUnit { get; set; }

    [Required(ErrorMessage = "Vul het tarief in.")]
    public string? Tariff { get; set; }

    [Range(0, 100_000, ErrorMessage = "De verwachte omvang per maand ligt tussen 0 en 100.000.")]
    public int ExpectedUnitsPerMonth { get; set; }

    public string? FixedMonthly { get; set; }

    public string? HolidayAllowance { get; set; }

    public static AgreementForm From(CareAgreementTerms terms) => new()
    {
        Type = terms.Type,
        CareFunctionCodes = [.. terms.CareFunctionCodes],
        StartDate = terms.StartDate,
        EndDate = terms.EndDate,
        TariffUnit = terms.TariffUnit,
        Tariff = Money.FormatInput(terms.TariffCents),
        ExpectedUnitsPerMonth = terms.ExpectedUnitsPerMonth,
        FixedMonthly = terms.FixedMonthlyCents is { } f ? Money.FormatInput(f) : null,
        HolidayAllowance = terms.HolidayAllowanceCents is { } h ? Money.FormatInput(h) : null,
    };

    /// <summary>The terms, or the Dutch message for the field that cannot be read (keyed by property name).</summary>
    public (CareAgreementTerms? Terms, string? Field, string? Error) ToTerms()
    {
        if (!Money.TryParseEuro(Tariff, out var tariff))
        {
            return (null, nameof(Tariff), "Vul het tarief in euro's in, bijvoorbeeld 35,50.");
        }

        long? fixedMonthly = null;
        if (!string.IsNullOrWhiteSpace(FixedMonthly))
        {
            if (!Money.TryParseEuro(FixedMonthly, out var f))
            {
                return (null, nameof(FixedMonthly), "Vul het vaste maandbedrag in euro's in, bijvoorbeeld 400,00.");
            }

            fixedMonthly = f;
        }

        long? holiday = null;
        if (!string.IsNullOrWhiteSpace(HolidayAllowance))
        {
            if (!Money.TryParseEuro(HolidayAllowance, out var h))
            {
                return (null, nameof(HolidayAllowance), "Vul de feestdagenuitkering in euro's in, bijvoorbeeld 150,00.");
            }

            holiday = h;
        }

        return (new CareAgreementTerms(Type!.Value, CareFunctionCodes, StartDate!.Value, EndDate!.Value, TariffUnit!.Value, tariff, ExpectedUnitsPerMonth, fixedMonthly, holiday), null, null);
    }

    /// <summary>The form field a refused agreement rule is about ("Form.Tariff"), or empty for the agreement as a whole.</summary>
    public static string FieldOf(string rule) => rule switch
    {
        nameof(AgreementMustCoverGrantedCareFunctions) => "Form.CareFunctionCodes",
        nameof(AgreementMustFallWithinGrant) => "Form.EndDate",
        nameof(TariffMustBePositive) => "Form.Tariff",
        nameof(HolidayAllowanceOnlyForInformalCarers) => "Form.HolidayAllowance",
        _ => string.Empty,
    };
}
