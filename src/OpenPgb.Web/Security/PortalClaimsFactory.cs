using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Data;

namespace OpenPgb.Web.Security;

/// <summary>Adds role, BSN (citizens) and grantors (employees) to the principal at sign-in.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options, OpenPgbDbContext db, TimeProvider time)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.IssuedAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
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
                identity.AddClaim(new Claim(PortalClaims.ActiveGrantor, grantorIds[0].ToString(CultureInfo.InvariantCulture)));
            }
        }

        return identity;
    }
}
