namespace OpenPgb.Core.Grantors;

public enum GrantorKind
{
    Municipality,
    CareOffice,
}

/// <summary>
/// A verstrekker: a municipality (Wmo, Jeugdwet) or a care office (Wlz), identified in iPgb by a 4-digit code.
/// </summary>
public sealed class Grantor
{
    private Grantor()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Grantor(string code, string name, GrantorKind kind, DateOnly? liveFrom)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException("A grantor code is exactly 4 digits.", nameof(code));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name.Trim();
        Kind = kind;
        LiveFrom = liveFrom;
    }

    public int Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public GrantorKind Kind { get; private set; }

    /// <summary>From this date on (the freeze date) the grantor's messages go to OpenPgb. Null: not live yet.</summary>
    public DateOnly? LiveFrom { get; private set; }

    public static bool IsValidCode(string? code) => code is { Length: 4 } && code.All(char.IsAsciiDigit);

    public bool IsLiveOn(DateOnly date) => LiveFrom is { } from && from <= date;

    public void SetLiveFrom(DateOnly? liveFrom) => LiveFrom = liveFrom;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}
