using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenPgb.Core.Accounts;

namespace OpenPgb.Web.Security;

/// <summary>
/// The auth cookie is only a pointer to a session: on every request the user is read from the database. A session
/// ends when it is older than the absolute timeout, when the user no longer exists or is locked, or when their
/// security stamp changed (password, second factor, sign-out everywhere). Rights (role, grantors, active grantor,
/// provider) are taken from the database each time too: a removed grantor membership or role is gone on the next
/// request, and the cookie is renewed with the new rights. Representation needs no refresh: citizens' scope reads the
/// current representatives per query. Cost: one lookup of the user by key (two for employees) per request.
/// </summary>
public static class SessionValidator
{
    private static readonly string[] RightsClaims = [ClaimTypes.Role, PortalClaims.Bsn, PortalClaims.CareProvider, PortalClaims.Grantor, PortalClaims.ActiveGrantor, PortalClaims.DisplayName];

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        if (principal is null || Expired(principal, services))
        {
            await EndAsync(context);
            return;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await users.FindByIdAsync(id) : null;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (user is null || user.SecurityStamp != principal.FindFirstValue(stampClaim) || await users.IsLockedOutAsync(user))
        {
            await EndAsync(context);
            return;
        }

        var current = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        if (!SameRights(principal, current))
        {
            // Keep how the user authenticated (the second factor) with the new rights.
            var identity = (ClaimsIdentity)current.Identity!;
            foreach (var amr in principal.FindAll("amr"))
            {
                identity.AddClaim(new Claim(amr.Type, amr.Value));
            }

            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool Expired(ClaimsPrincipal principal, IServiceProvider services)
    {
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var issued = principal.FindFirstValue(PortalClaims.IssuedAt);
        return issued is null || !long.TryParse(issued, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(seconds).AddHours(security.AbsoluteTimeoutHours) < services.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    private static bool SameRights(ClaimsPrincipal a, ClaimsPrincipal b) =>
        RightsClaims.All(type => a.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(b.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal), StringComparer.Ordinal));

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
