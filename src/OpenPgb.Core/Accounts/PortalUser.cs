using Microsoft.AspNetCore.Identity;

namespace OpenPgb.Core.Accounts;

public enum PortalRole
{
    /// <summary>A citizen: budget holder and/or representative, identified by BSN (DigiD later).</summary>
    Citizen,
    GrantorEmployee,
    Operator,

    /// <summary>A user of a care provider (eHerkenning or DigiD later); an organisation can have several.</summary>
    CareProvider,
}

/// <summary>A portal login. Citizens carry their BSN (as DigiD will give it); staff carry their grantors.</summary>
public sealed class PortalUser : IdentityUser
{
    public PortalRole Role { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Only for citizens. Personal data: never logged.</summary>
    public string? Bsn { get; set; }

    /// <summary>Only for care-provider users: the provider they sign and claim for.</summary>
    public long? CareProviderId { get; set; }

    /// <summary>
    /// Under chain authorisation: the grantor the employee last switched to, so a new session starts there. Used only
    /// while it is still one of <see cref="Grantors"/>.
    /// </summary>
    public int? ActiveGrantorId { get; set; }

    public List<PortalUserGrantor> Grantors { get; } = [];
}

/// <summary>A grantor an employee works for; more than one under chain authorisation (ketenmachtiging).</summary>
public sealed class PortalUserGrantor
{
    public string UserId { get; set; } = string.Empty;

    public int GrantorId { get; set; }
}
