using System.Security.Claims;
using OpenPgb.Core.Access;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;

namespace OpenPgb.Web.Security;

/// <summary>Claim types and role names of the portal. The BSN travels only inside the encrypted auth cookie.</summary>
public static class PortalClaims
{
    public const string Bsn = "openpgb:bsn";
    public const string Grantor = "openpgb:grantor";
    public const string ActiveGrantor = "openpgb:active-grantor";
    public const string DisplayName = "openpgb:name";
    public const string IssuedAt = "openpgb:issued";
    public const string CareProvider = "openpgb:care-provider";

    public const string CitizenRole = nameof(PortalRole.Citizen);
    public const string EmployeeRole = nameof(PortalRole.GrantorEmployee);
    public const string OperatorRole = nameof(PortalRole.Operator);
    public const string CareProviderRole = nameof(PortalRole.CareProvider);

    public static string? BsnOf(this ClaimsPrincipal user) => user.FindFirstValue(Bsn);

    public static int? ActiveGrantorOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ActiveGrantor), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string NameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static long? CareProviderOf(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(CareProvider), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static IReadOnlyList<int> GrantorsOf(this ClaimsPrincipal user) =>
        [.. user.FindAll(Grantor).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The signed-in user as services see it; the one place a principal becomes an <see cref="Actor"/>.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user id on the principal.");
        var name = user.NameOf();
        if (user.IsInRole(CitizenRole) && user.BsnOf() is { } bsn)
        {
            return Actor.Citizen(id, name, bsn);
        }

        if (user.IsInRole(EmployeeRole) && user.ActiveGrantorOf() is { } grantorId)
        {
            return Actor.Employee(id, name, grantorId);
        }

        if (user.IsInRole(CareProviderRole) && user.CareProviderOf() is { } providerId)
        {
            return Actor.Provider(id, name, providerId);
        }

        return user.IsInRole(OperatorRole)
            ? new Actor(id, name, PortalRole.Operator)
            : throw new NotAllowedException("The signed-in user has no role that can act.");
    }

    public static bool HasMfa(this ClaimsPrincipal user) => user.HasClaim("amr", "mfa");
}
