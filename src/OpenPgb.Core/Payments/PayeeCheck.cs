namespace OpenPgb.Core.Payments;

/// <summary>
/// Whether one credit transfer can go into a pain.001 file as it stands: the name must survive transliteration, the
/// IBAN must be valid, the amount within SEPA's range. Asked before anything is booked, so a run never books a
/// payment its file cannot carry.
/// </summary>
public static class PayeeCheck
{
    public const string HoldPrefix = "Betaling vastgehouden: ";

    public const long MaximumCents = 99_999_999_999;

    public static string? Problem(string name, string iban, long amountCents)
    {
        if (SepaText.NameProblem(name) is not null)
        {
            return "de naam van de zorgverlener is niet in Latijnse letters te schrijven.";
        }

        if (Parties.Iban.Validate(iban) is not null)
        {
            return "het IBAN van de zorgverlener is ongeldig.";
        }

        return amountCents is < 1 or > MaximumCents ? "het bedrag past niet in een SEPA-overboeking." : null;
    }

    /// <summary>Whether a claim's hold is a payee hold, which a corrected name or IBAN lifts.</summary>
    public static bool IsPayeeHold(string? holdReason) => holdReason?.StartsWith(HoldPrefix, StringComparison.Ordinal) == true;
}
