using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Grants;

public enum RepresentativeRights
{
    Read,
    ReadWrite,
}

/// <summary>Vertegenwoordiger (2.3) or Relatie (2.0.2) on one grant version.</summary>
public sealed class Representative
{
    private Representative()
    {
        RoleCode = string.Empty;
        Bsn = string.Empty;
        Name = PersonName.Empty;
    }

    public Representative(string roleCode, string bsn, DateOnly birthDate, PersonName name, RepresentativeRights rights, bool receivesCorrespondence)
    {
        RoleCode = roleCode;
        Bsn = bsn;
        BirthDate = birthDate;
        Name = name;
        Rights = rights;
        ReceivesCorrespondence = receivesCorrespondence;
    }

    public long Id { get; private set; }

    public long GrantVersionId { get; private set; }

    public string RoleCode { get; private set; }

    public string Bsn { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public PersonName Name { get; private set; }

    public RepresentativeRights Rights { get; private set; }

    public bool ReceivesCorrespondence { get; private set; }

    public string RoleName => RepresentativeRoles.NameOf(RoleCode);

    internal Representative Copy() => new(RoleCode, Bsn, BirthDate, Name, Rights, ReceivesCorrespondence);
}

/// <summary>Representative roles; our list until the official iPgb 2.3 list is published (IPGB.md).</summary>
public static class RepresentativeRoles
{
    public const string AuthorisedPerson = "05";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["01"] = "Ouder of voogd",
        ["02"] = "Curator",
        ["03"] = "Bewindvoerder",
        ["04"] = "Mentor",
        ["05"] = "Gemachtigde",
    };

    public static IReadOnlyCollection<string> Codes => Names.Keys;

    public static string NameOf(string code) => Names.GetValueOrDefault(code, "Onbekende rol " + code);
}
