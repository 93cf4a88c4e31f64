using System.Globalization;
using OpenPgb.Core.Claims;

namespace OpenPgb.Web.Pages;

/// <summary>The claim form as posted (text fields, parsed here so that bad input gets a Dutch message per field).</summary>
public sealed class ClaimForm
{
    public long AgreementId { get; set; }

    public ClaimKind Kind { get; set; } = ClaimKind.Care;

    public string? CareFunction { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public string? Units { get; set; }

    public string? Amount { get; set; }

    public string? InvoiceNumber { get; set; }

    public DateOnly? InvoiceDate { get; set; }

    /// <summary>The input for the service, or a Dutch message for every field that is missing or malformed (by field name).</summary>
    public (ClaimInput? Input, IReadOnlyList<(string Field, string Message)> Errors) ToInput()
    {
        var errors = new List<(string, string)>();
        if (AgreementId <= 0)
        {
            errors.Add((nameof(AgreementId), "Kies een zorgovereenkomst."));
        }

        if (PeriodStart is null)
        {
            errors.Add((nameof(PeriodStart), "Vul de eerste dag van de periode in."));
        }

        if (PeriodEnd is null)
        {
            errors.Add((nameof(PeriodEnd), "Vul de laatste dag van de periode in."));
        }

        if (InvoiceDate is null)
        {
            errors.Add((nameof(InvoiceDate), "Vul de factuurdatum in."));
        }

        decimal units = 1;
        long? allowance = null;
        if (Kind == ClaimKind.HolidayAllowance)
        {
            if (!Core.Common.Money.TryParseEuro(Amount, out var cents))
            {
                errors.Add((nameof(Amount), "Vul het bedrag in euro's in, bijvoorbeeld 150,00."));
            }

            allowance = cents;
        }
        else if (!decimal.TryParse(Units?.Trim().Replace('.', ','), NumberStyles.AllowDecimalPoint, Core.Common.DutchCulture.Instance, out units))
        {
            errors.Add((nameof(Units), "Vul het aantal eenheden in, bijvoorbeeld 12,5."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ClaimInput(AgreementId, Kind, CareFunction ?? string.Empty, PeriodStart!.Value, PeriodEnd!.Value, units, allowance, InvoiceNumber ?? string.Empty, InvoiceDate!.Value), []);
    }

    /// <summary>The field a claim rule's refusal is about, so the message stands beside it; null for the claim as a whole.</summary>
    public static string? FieldOf(string rule) => rule switch
    {
        nameof(ClaimCoversOneMonth) or nameof(NoOverlapOnAgreement) or nameof(GrantCoversPeriod) or nameof(AgreementApprovedForPeriodAndCareFunction) => nameof(PeriodStart),
        nameof(InvoiceIsComplete) => nameof(InvoiceNumber),
        nameof(UnitsPlausible) or nameof(AmountPositive) => nameof(Units),
        nameof(HolidayAllowanceWithinCap) => nameof(Amount),
        _ => null,
    };
}
