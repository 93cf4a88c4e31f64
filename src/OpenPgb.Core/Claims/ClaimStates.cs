using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Claims;

/// <summary>
/// The status a user sees. A payment run does not rewrite the claims it pays (ADR 0015): a claim stored as
/// <see cref="ClaimStatus.Approved"/> with an unreturned payment item is <see cref="ClaimStatus.Paid"/>.
/// </summary>
public static class ClaimStates
{
    public static ClaimStatus Effective(ClaimStatus stored, bool paidByRun) =>
        stored == ClaimStatus.Approved && paidByRun ? ClaimStatus.Paid : stored;

    /// <summary>The status of a claim the caller has already read in its scope.</summary>
    public static async Task<ClaimStatus> OfAsync(OpenPgbDbContext db, Claim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claim);
        var paidByRun = claim.Status == ClaimStatus.Approved
            && await db.PaymentItems.AnyAsync(i => i.ClaimId == claim.Id && i.ReturnedAt == null, cancellationToken);
        return Effective(claim.Status, paidByRun);
    }
}
