namespace OpenPgb.Core.Parties;

/// <summary>A name as iPgb carries it: surname, optional prefix (voorvoegsel) and initials.</summary>
public sealed record PersonName(string Surname, string? Prefix, string? Initials)
{
    public static PersonName Empty { get; } = new(string.Empty, null, null);

    /// <summary>Dutch display order: "J. van Jansen".</summary>
    public string Display
    {
        get
        {
            var initials = string.IsNullOrEmpty(Initials) ? null : string.Join('.', Initials.ToCharArray()) + ".";
            return string.Join(' ', new[] { initials, Prefix, Surname }.Where(p => !string.IsNullOrEmpty(p)));
        }
    }

    /// <summary>Sort key: surname first, as staff search and sort lists.</summary>
    public string SortKey => $"{Surname}, {Initials} {Prefix}".Trim();
}
