using OpenPgb.Core.Accounts;

namespace OpenPgb.Core.Audit;

/// <summary>
/// Who does something, as services see it: the portal builds it from the signed-in user, the CLI from the operator.
/// A representative acting for a budget holder is audited as "X voor Y" through the access log's OnBehalfOf.
/// </summary>
public sealed record Actor(string UserId, string Name, PortalRole Role)
{
    /// <summary>Citizens only: whose BSN signed in. Personal data: never logged.</summary>
    public string? Bsn { get; init; }

    /// <summary>Grantor employees: the active grantor (chain authorisation may give more than one).</summary>
    public int? GrantorId { get; init; }

    /// <summary>Care-provider users: the provider they work for.</summary>
    public long? CareProviderId { get; init; }

    public static Actor Citizen(string userId, string name, string bsn) => new(userId, name, PortalRole.Citizen) { Bsn = bsn };

    public static Actor Employee(string userId, string name, int grantorId) => new(userId, name, PortalRole.GrantorEmployee) { GrantorId = grantorId };

    public static Actor Provider(string userId, string name, long careProviderId) => new(userId, name, PortalRole.CareProvider) { CareProviderId = careProviderId };
}
