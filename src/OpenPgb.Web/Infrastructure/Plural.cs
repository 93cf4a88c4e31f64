namespace OpenPgb.Web;

/// <summary>Dutch singular or plural after a count: "1 open taak", "3 open taken"; never "taak(en)".</summary>
public static class Plural
{
    public static string Word(long count, string singular, string plural) => count == 1 ? singular : plural;

    public static string Of(long count, string singular, string plural) => $"{count} {Word(count, singular, plural)}";
}
