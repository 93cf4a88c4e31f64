using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.CareProviders;

/// <summary>What a registration gives: the provider and the login name OpenPgb assigned to its user.</summary>
public sealed record ProviderRegistration(CareProvider Provider, string UserName);

/// <summary>
/// Registration of care providers and their users, and finding one to contract with. Login names are assigned, never
/// chosen (the provider number, then -2, -3 for colleagues): a form that answered "name already taken" would tell
/// anyone which names exist, staff names included.
/// </summary>
public sealed class CareProviderService(OpenPgbDbContext db, UserManager<PortalUser> users, AccessLog accessLog, TimeProvider time)
{
    // No 0/O or 1/I, so a code read over the phone is typed right.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// A provider registers itself with its first user (local account until eHerkenning/DigiD). The login name is
    /// assigned; only the demo seeder passes its well-known names.
    /// </summary>
    public async Task<ProviderRegistration> RegisterAsync(CareProviderKind kind, string name, CareProviderDetails details, string userDisplayName, string password, CancellationToken cancellationToken, string? demoUserName = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var provider = CareProvider.Register(await NextProviderNumberAsync(cancellationToken), kind, name, details, time.GetUtcNow());
        db.CareProviders.Add(provider);
        await db.SaveChangesAsync(cancellationToken);
        var userName = await AddUserAsync(provider, userDisplayName, password, demoUserName);
        await transaction.CommitAsync(cancellationToken);
        return new ProviderRegistration(provider, userName);
    }

    /// <summary>
    /// A budget holder (or a representative with write rights) invites a provider that is not registered yet, to
    /// contract with for this grant; the provider completes it with the code.
    /// </summary>
    public async Task<CareProvider> InviteAsync(Actor actor, long grantId, CareProviderKind kind, string name, CareProviderDetails details, CancellationToken cancellationToken)
    {
        var grant = actor.Role == PortalRole.Citizen ? await db.Grants.WithHolderAndCurrentVersion().SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken) : null;
        if (grant is null || !Rights.RightsOf(actor, GrantFacts.Of(grant)).CanActAsCitizen)
        {
            throw new NotAllowedException("Only the budget holder and representatives with write rights invite providers.");
        }

        var provider = CareProvider.Invite(await NextProviderNumberAsync(cancellationToken), kind, name, details, NewInvitationCode(), time.GetUtcNow());
        db.CareProviders.Add(provider);
        accessLog.Changed(actor, null, "zorgverlener uitgenodigd", $"zorgverlener {provider.ProviderNumber}");
        await db.SaveChangesAsync(cancellationToken);
        return provider;
    }

    /// <summary>The invited provider completes its registration with the code and becomes a user.</summary>
    public async Task<ProviderRegistration> AcceptInvitationAsync(string invitationCode, CareProviderDetails details, string userDisplayName, string password, CancellationToken cancellationToken)
    {
        var code = invitationCode.Trim().ToUpperInvariant();
        var provider = await db.CareProviders.SingleOrDefaultAsync(p => p.InvitationCode == code, cancellationToken)
            ?? throw new BusinessRuleException("UitnodigingscodeMoetKloppen", "Deze uitnodigingscode kennen wij niet, of hij is al gebruikt.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        provider.CompleteRegistration(code, details);
        await db.SaveChangesAsync(cancellationToken);
        var userName = await AddUserAsync(provider, userDisplayName, password, null);
        await transaction.CommitAsync(cancellationToken);
        return new ProviderRegistration(provider, userName);
    }

    /// <summary>Another user of the same organisation; returns the login name assigned to them.</summary>
    public async Task<string> AddColleagueAsync(Actor actor, string userDisplayName, string password, CancellationToken cancellationToken, string? demoUserName = null)
    {
        var providerId = Rights.RequireProviderUser(actor, "adds colleagues");
        var provider = await db.CareProviders.SingleAsync(p => p.Id == providerId, cancellationToken);
        if (provider.Kind != CareProviderKind.Organisation)
        {
            throw new BusinessRuleException("AlleenOrganisatieHeeftCollegas", "Alleen een organisatie kan meer gebruikers hebben.");
        }

        return await AddUserAsync(provider, userDisplayName, password, demoUserName);
    }

    /// <summary>
    /// A provider user changes the account payments go to: the account holder's name and the IBAN. Claims whose payment
    /// the bank returned become payable again, and claims held because the old name or IBAN could not go into a SEPA
    /// file are released: the next run pays them to the new account. Returns how many claims that concerns.
    /// </summary>
    public async Task<int> ChangeAccountAsync(Actor actor, string accountHolderName, string iban, CancellationToken cancellationToken)
    {
        var providerId = actor.CareProviderId ?? throw new NotAllowedException("Only a provider's own users change its account.");
        var provider = await db.CareProviders.SingleAsync(p => p.Id == providerId, cancellationToken);
        provider.Rename(accountHolderName);
        var oldIban = provider.Iban;
        provider.ChangeIban(iban);
        if (provider.Iban != oldIban)
        {
            db.CareProviderIbanChanges.Add(new CareProviderIbanChange(provider.Id, oldIban, provider.Iban, actor.Name, time.GetUtcNow()));
        }
        var returned = await db.Claims.Where(c => c.CareProviderId == providerId && c.Status == Claims.ClaimStatus.Returned).ToListAsync(cancellationToken);
        foreach (var claim in returned)
        {
            claim.MakePayableAgain();
        }

        var held = (await db.Claims.Where(c => c.CareProviderId == providerId && c.Status == Claims.ClaimStatus.Approved && c.HoldReason != null).ToListAsync(cancellationToken))
            .Where(c => Payments.PayeeCheck.IsPayeeHold(c.HoldReason)).ToList();
        foreach (var claim in held)
        {
            claim.Release($"{actor.Name} (rekeninggegevens gecorrigeerd)");
        }

        accessLog.Changed(actor, null, "rekeninggegevens zorgverlener gewijzigd", $"zorgverlener {provider.ProviderNumber}, {returned.Count} teruggekomen en {held.Count} vastgehouden declaratie(s) opnieuw betaalbaar");
        await db.SaveChangesAsync(cancellationToken);
        return returned.Count + held.Count;
    }

    /// <summary>A token for the provider's own software; the secret is returned once and stored only as a hash.</summary>
    public async Task<string> IssueApiTokenAsync(Actor actor, CancellationToken cancellationToken)
    {
        var providerId = actor.CareProviderId ?? throw new NotAllowedException("Only a provider's own users issue its tokens.");
        var (token, secret) = ProviderApiToken.Issue(providerId, actor.Name, time.GetUtcNow());
        db.ProviderApiTokens.Add(token);
        accessLog.Changed(actor, null, "koppeltoken uitgegeven", $"token ...{token.Hint}");
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeApiTokenAsync(Actor actor, long tokenId, CancellationToken cancellationToken)
    {
        var providerId = actor.CareProviderId ?? throw new NotAllowedException("Only a provider's own users revoke its tokens.");
        var token = await db.ProviderApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.CareProviderId == providerId, cancellationToken)
            ?? throw new NotVisibleException($"Token {tokenId} is not this provider's.");
        token.Revoke(time.GetUtcNow());
        accessLog.Changed(actor, null, "koppeltoken ingetrokken", $"token ...{token.Hint}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProviderApiToken>> ApiTokensAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.ProviderApiTokens.AsNoTracking().Where(t => t.CareProviderId == actor.CareProviderId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The provider a presented secret belongs to, or null (unknown, revoked or malformed).</summary>
    public async Task<CareProvider?> AuthenticateApiTokenAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = Grantors.ApiToken.HashSecret(secret);
        return await db.CareProviders.AsNoTracking()
            .Where(p => db.ProviderApiTokens.Any(t => t.CareProviderId == p.Id && t.SecretHash == hash && t.RevokedAt == null))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UserNamesAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Role == PortalRole.CareProvider && u.CareProviderId == actor.CareProviderId)
            .OrderBy(u => u.DisplayName).Select(u => u.DisplayName + " (" + u.UserName + ")").ToListAsync(cancellationToken);

    /// <summary>Finds a registered provider by KvK number or provider number, exactly; no browsing of the register.</summary>
    public async Task<IReadOnlyList<CareProvider>> FindAsync(string kvkOrProviderNumber, CancellationToken cancellationToken)
    {
        var key = kvkOrProviderNumber.Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            return [];
        }

        return await db.CareProviders.AsNoTracking()
            .Where(p => p.ProviderNumber == key || p.KvkNumber == key)
            .OrderBy(p => p.Name)
            .Take(20)
            .ToListAsync(cancellationToken);
    }

    public async Task<CareProvider?> GetAsync(long id, CancellationToken cancellationToken) =>
        await db.CareProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    private async Task<string> AddUserAsync(CareProvider provider, string displayName, string password, string? demoUserName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new BusinessRuleException("GebruikerVolledig", "Vul de naam van de gebruiker in.");
        }

        var userName = demoUserName ?? await FreeUserNameAsync(provider);
        var user = new PortalUser { UserName = userName, DisplayName = displayName.Trim(), Role = PortalRole.CareProvider, CareProviderId = provider.Id };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new BusinessRuleException("GebruikerAanmaken", string.Join(" ", result.Errors.Select(e => DutchIdentityError(e.Code, e.Description))));
        }

        return userName;
    }

    // The provider number for the first user, then -2, -3, ... for colleagues.
    private async Task<string> FreeUserNameAsync(CareProvider provider)
    {
        var baseName = provider.ProviderNumber.ToLowerInvariant();
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? baseName : $"{baseName}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (await users.FindByNameAsync(candidate) is null)
            {
                return candidate;
            }
        }
    }

    private static string DutchIdentityError(string code, string fallback) => code switch
    {
        "PasswordTooShort" => "Het wachtwoord moet ten minste 12 tekens hebben.",
        "PasswordRequiresDigit" => "Het wachtwoord moet een cijfer bevatten.",
        "PasswordRequiresLower" => "Het wachtwoord moet een kleine letter bevatten.",
        "PasswordRequiresUpper" => "Het wachtwoord moet een hoofdletter bevatten.",
        _ => fallback,
    };

    internal async Task<string> NextProviderNumberAsync(CancellationToken cancellationToken)
    {
        var count = await db.CareProviders.LongCountAsync(cancellationToken);
        string number;
        do
        {
            number = ProviderNumberOf(count++);
        }
        while (await db.CareProviders.AnyAsync(p => p.ProviderNumber == number, cancellationToken));

        return number;
    }

    /// <summary>Our provider number for the n-th provider (0-based): "ZV" and eight digits.</summary>
    internal static string ProviderNumberOf(long sequence) => "ZV" + (10_000_001 + sequence).ToString(CultureInfo.InvariantCulture);

    internal static string NewInvitationCode() => RandomNumberGenerator.GetString(CodeAlphabet, 10);
}
