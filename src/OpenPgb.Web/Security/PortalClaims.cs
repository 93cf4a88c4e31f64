using System.Security.Claims;
using OpenPgb.Core.Accounts;

namespace OpenPgb.Web.Security;

/// <summary>Claim types and role names of the portal. The BSN travels only inside the encrypted auth cookie.</summary>
public static class PortalClaims
{
    public const string Bsn = "openpgb:bsn";
    public const string Grantor = "openpgb:grantor";
    public const string ActiveGrantor = "openpgb:active-grantor";
    public const string DisplayName = "openpgb:name";
    public const string IssuedAt = "openpgb:issued";

    public const string CitizenRole = nameof(PortalRole.Citizen);
    public const string EmployeeRole = nameof(PortalRole.GrantorEmployee);
    public const string OperatorRole = nameof(PortalRole.Operator);

    public static string? BsnOf(this ClaimsPrincipal user) => user.FindFirstValue(Bsn);

    public static int? ActiveGrantorOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ActiveGrantor), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string NameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static bool HasMfa(this ClaimsPrincipal user) => user.HasClaim("amr", "mfa");
}
