using System.Globalization;

namespace OpenPgb.Cli;

/// <summary>Reading option values the same way in every command, with the option's name in the error.</summary>
internal static class CliArguments
{
    public static DateOnly Date(string option, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new CliException($"{option} '{value}' is not a date in the form yyyy-MM-dd.");

    public static DateOnly? OptionalDate(string option, string? value) => value is null ? null : Date(option, value);
}
