using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Grantors;

/// <summary>Onboarding grantors and their machine-channel tokens. Operator work; runs in the system scope.</summary>
public sealed class GrantorService(OpenPgbDbContext db, TimeProvider time)
{
    public async Task<Grantor> AddAsync(string code, string name, GrantorKind kind, DateOnly? liveFrom, CancellationToken cancellationToken)
    {
        if (!Grantor.IsValidCode(code))
        {
            throw new GrantorException($"Verstrekkerscode '{code}' is ongeldig: gebruik precies 4 cijfers.");
        }

        if (await db.Grantors.AnyAsync(g => g.Code == code, cancellationToken))
        {
            throw new GrantorException($"Er bestaat al een verstrekker met code {code}.");
        }

        var grantor = new Grantor(code, name, kind, liveFrom);
        db.Grantors.Add(grantor);
        await db.SaveChangesAsync(cancellationToken);
        return grantor;
    }

    public async Task SetLiveFromAsync(int grantorId, DateOnly? liveFrom, CancellationToken cancellationToken)
    {
        var grantor = await db.Grantors.SingleAsync(g => g.Id == grantorId, cancellationToken);
        var member = liveFrom is null ? null : await ConvertedTrancheMemberAsync(grantor, cancellationToken);
        grantor.SetLiveFrom(liveFrom);
        member?.GoLive(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Go-live: from <paramref name="from"/> on the grantor's 501s go over the normal channels; before it only the
    /// conversion channel takes them. A grantor that is live already keeps its date: moving it would reopen or close
    /// channels behind the grantor's back.
    /// </summary>
    public async Task<Grantor> GoLiveAsync(string code, DateOnly from, CancellationToken cancellationToken)
    {
        var grantor = await db.Grantors.SingleOrDefaultAsync(g => g.Code == code, cancellationToken)
            ?? throw new GrantorException($"Verstrekker {code} bestaat niet.");
        var today = time.Today();
        if (grantor.IsLiveOn(today))
        {
            throw new GrantorException($"Verstrekker {code} is al live sinds {grantor.LiveFrom:yyyy-MM-dd}.");
        }

        if (from < today)
        {
            throw new GrantorException($"De livedatum {from:yyyy-MM-dd} ligt in het verleden; kies vandaag of later.");
        }

        var member = await ConvertedTrancheMemberAsync(grantor, cancellationToken);
        grantor.SetLiveFrom(from);
        member?.GoLive(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return grantor;
    }

    /// <summary>
    /// A grantor on its way over in a tranche goes live only once converted: before that its PGB1 history is not here.
    /// Returns its tranche membership (null when it has none), which the caller moves to live.
    /// </summary>
    private async Task<Conversion.TrancheGrantor?> ConvertedTrancheMemberAsync(Grantor grantor, CancellationToken cancellationToken)
    {
        var member = await db.TrancheGrantors.SingleOrDefaultAsync(t => t.GrantorId == grantor.Id && t.State != Conversion.TrancheGrantorState.Postponed, cancellationToken);
        if (member is null || member.State == Conversion.TrancheGrantorState.Live)
        {
            return null;
        }

        return member.State == Conversion.TrancheGrantorState.Converted
            ? member
            : throw new GrantorException($"Verstrekker {grantor.Code} staat in een tranche en is nog niet geconverteerd ({Conversion.TrancheTexts.State(member.State)}); zet eerst de conversie door.");
    }

    /// <summary>Issues a token and returns its secret, which is shown once and stored only as a hash.</summary>
    public async Task<(ApiToken Token, string Secret)> IssueTokenAsync(string grantorCode, CancellationToken cancellationToken)
    {
        var grantor = await db.Grantors.SingleOrDefaultAsync(g => g.Code == grantorCode, cancellationToken)
            ?? throw new GrantorException($"Geen verstrekker met code {grantorCode}.");
        var (token, secret) = ApiToken.Issue(grantor.Id, time.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task RevokeTokenAsync(long tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken)
            ?? throw new GrantorException("Token niet gevonden.");
        token.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The grantor an active token belongs to, or null. The secret is compared by its hash only.</summary>
    public async Task<Grantor?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = ApiToken.HashSecret(secret);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash && t.RevokedAt == null)
            .Select(t => t.Grantor)
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A refused grantor operation, with a message fit for the operator (Dutch).</summary>
public sealed class GrantorException(string message) : Exception(message);
