namespace OpenPgb.Core.Parties;

/// <summary>
/// Burgerservicenummer: 9 digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11). At most the
/// first digit is a zero: BSNs continue the 8- and 9-digit sofinummers (an 8-digit one gets one leading zero), so
/// "000000012", which passes the elfproef, is no BSN.
/// A BSN is personal data: never put one in a log line, an exception message or a URL.
/// </summary>
public static class Bsn
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }

        return sum % 11 == 0 && !value.StartsWith("00", StringComparison.Ordinal);
    }

    /// <summary>Masks all but the last three digits, for display where the full number is not needed.</summary>
    public static string Mask(string bsn) => bsn.Length == 9 ? "******" + bsn[6..] : "*********";
}
