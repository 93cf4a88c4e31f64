using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Accounts;

/// <summary>What a signed-in user changes about their own account.</summary>
public sealed class AccountService(OpenPgbDbContext db)
{
    /// <summary>
    /// Chain authorisation: the employee works for another of their grantors from now on, in this session and the
    /// next. Refused unless they are a member of it.
    /// </summary>
    public async Task SwitchActiveGrantorAsync(string userId, int grantorId, CancellationToken cancellationToken)
    {
        if (!await db.PortalUserGrantors.AnyAsync(g => g.UserId == userId && g.GrantorId == grantorId, cancellationToken))
        {
            throw new NotAllowedException("The employee does not work for this grantor.");
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.ActiveGrantorId = grantorId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
