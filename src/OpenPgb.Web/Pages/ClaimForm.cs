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

    /// <summary>The input for the service, or the Dutch message of the first field that is missing or malformed.</summary>
    public (ClaimInput? Input, string? Error) ToInput()
    {
        if (AgreementId <= 0)
        {
            return (null, "Kies een zorgovereenkomst.");
        }

        if (PeriodStart is not { } start || PeriodEnd is not { } end)
        {
            return (null, "Vul de begin- en einddatum van de periode in.");
        }

        if (InvoiceDate is not { } invoiceDate)
        {
            return (null, "Vul de factuurdatum in.");
        }

        decimal units = 1;
        long? allowance = null;
        if (Kind == ClaimKind.HolidayAllowance)
        {
            if (!Core.Common.Money.TryParseEuro(Amount, out var cents))
            {
                return (null, "Vul het bedrag in euro's in, bijvoorbeeld 150,00.");
            }

            allowance = cents;
        }
        else if (!decimal.TryParse(Units?.Trim().Replace('.', ','), NumberStyles.AllowDecimalPoint, Core.Common.DutchCulture.Instance, out units))
        {
            return (null, "Vul het aantal eenheden in, bijvoorbeeld 12,5.");
        }

        return (new ClaimInput(AgreementId, Kind, CareFunction ?? string.Empty, start, end, units, allowance, InvoiceNumber ?? string.Empty, invoiceDate), null);
    }
}
