using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Data;

namespace OpenPgb.Web.Security;

/// <summary>
/// Adds role, BSN (citizens), provider (provider users) and grantors (employees) to the principal, from the database,
/// at sign-in and whenever <see cref="SessionValidator"/> finds them changed. When the signed-in user's own session
/// is rebuilt, its start (for the absolute timeout) and its second factor carry over; a new sign-in starts afresh.
/// </summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options, OpenPgbDbContext db, TimeProvider time, IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        // Not the base's: it would also read the account's Identity claims (AspNetUserClaims), which OpenPgb never
        // writes, with a query on every request (the session is re-validated each time).
        var names = Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, names.UserNameClaimType, names.RoleClaimType);
        identity.AddClaim(new Claim(names.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(names.UserNameClaimType, user.UserName!));
        if (user.SecurityStamp is { } stamp)
        {
            identity.AddClaim(new Claim(names.SecurityStampClaimType, stamp));
        }
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.IssuedAt, SessionStartOf(user) ?? time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (user.Role == PortalRole.Citizen && user.Bsn is not null)
        {
            identity.AddClaim(new Claim(PortalClaims.Bsn, user.Bsn));
        }

        if (user.Role == PortalRole.CareProvider && user.CareProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(PortalClaims.CareProvider, providerId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.Role == PortalRole.GrantorEmployee)
        {
            var grantorIds = await db.PortalUserGrantors.Where(g => g.UserId == user.Id).Select(g => g.GrantorId).OrderBy(id => id).ToListAsync();
            foreach (var id in grantorIds)
            {
                identity.AddClaim(new Claim(PortalClaims.Grantor, id.ToString(CultureInfo.InvariantCulture)));
            }

            if (grantorIds.Count > 0)
            {
                var active = user.ActiveGrantorId is { } chosen && grantorIds.Contains(chosen) ? chosen : grantorIds[0];
                identity.AddClaim(new Claim(PortalClaims.ActiveGrantor, active.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return identity;
    }

    // The running session of this same user, if the request has one.
    private string? SessionStartOf(PortalUser user)
    {
        var current = http.HttpContext?.User;
        return current?.Identity?.IsAuthenticated == true && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id
            ? current.FindFirstValue(PortalClaims.IssuedAt)
            : null;
    }
}
