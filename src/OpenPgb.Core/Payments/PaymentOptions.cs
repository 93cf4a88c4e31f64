namespace OpenPgb.Core.Payments;

/// <summary>Configuration section "Payments": the agency's debtor account and where payment files go.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    public string DebtorName { get; set; } = "Sociale Verzekeringsbank";

    /// <summary>The agency's account that pays for every grantor without an account of its own (demo default).</summary>
    public string DebtorIban { get; set; } = "NL20INGB0001234567";

    /// <summary>Optional BIC; without it the file says NOTPROVIDED, as the EPC guidelines allow for SEPA.</summary>
    public string? DebtorBic { get; set; }

    /// <summary>The agency's account per grantor code, where the grantor's money has its own account.</summary>
    public Dictionary<string, string> GrantorIbans { get; } = new(StringComparer.Ordinal);

    public string OutputDirectory { get; set; } = "payment-files";

    /// <summary>The daily run starts at this local (Amsterdam) time on banking days.</summary>
    public TimeOnly DailyRunAt { get; set; } = new(6, 0);

    public bool DailyRunEnabled { get; set; } = true;

    public string IbanOf(string grantorCode) => GrantorIbans.GetValueOrDefault(grantorCode) ?? DebtorIban;
}
