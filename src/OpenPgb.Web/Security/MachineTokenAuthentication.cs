using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Web.Api;

namespace OpenPgb.Web.Security;

/// <summary>
/// The machine channels authenticate with bearer tokens, once, by an authentication scheme per kind of token: a
/// grantor's token for the iPgb channel, a provider's token for the claims API. Endpoints require the matching policy
/// and read who is calling from the principal; they never look at the Authorization header themselves.
/// </summary>
public static class MachineTokens
{
    public const string GrantorScheme = "GrantorToken";
    public const string ProviderScheme = "ProviderToken";
    public const string GrantorPolicy = "GrantorChannel";
    public const string ProviderPolicy = "ProviderChannel";

    public const string GrantorIdClaim = "openpgb:grantor-id";
    public const string GrantorCodeClaim = "openpgb:grantor-code";
    public const string CareProviderIdClaim = "openpgb:care-provider-id";
    public const string ProviderNumberClaim = "openpgb:provider-number";

    public static AuthenticationBuilder AddMachineTokens(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddScheme<AuthenticationSchemeOptions, GrantorTokenHandler>(GrantorScheme, null)
            .AddScheme<AuthenticationSchemeOptions, ProviderTokenHandler>(ProviderScheme, null);
    }

    public static AuthorizationBuilder AddMachineTokenPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(GrantorPolicy, p => p.AddAuthenticationSchemes(GrantorScheme).RequireClaim(GrantorIdClaim))
            .AddPolicy(ProviderPolicy, p => p.AddAuthenticationSchemes(ProviderScheme).RequireClaim(CareProviderIdClaim));
    }

    public static (int Id, string Code) GrantorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (int.Parse(user.FindFirstValue(GrantorIdClaim)!, CultureInfo.InvariantCulture), user.FindFirstValue(GrantorCodeClaim)!);
    }

    public static (long Id, string ProviderNumber, string Name) ProviderOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (long.Parse(user.FindFirstValue(CareProviderIdClaim)!, CultureInfo.InvariantCulture), user.FindFirstValue(ProviderNumberClaim)!, user.FindFirstValue(ClaimTypes.Name)!);
    }
}

/// <summary>
/// Shared by both token schemes: read the bearer secret, look it up in a scope of its own with the system's access
/// (tokens are stored as hashes, visible to nobody else), answer 401 with a Bearer challenge and 403 plainly.
/// </summary>
public abstract class MachineTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (MachineChannel.BearerSecret(Context) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        var claims = await ClaimsOfAsync(scope.ServiceProvider, secret, Context.RequestAborted);
        return claims is null
            ? AuthenticateResult.Fail("Unknown or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    /// <summary>The caller's claims for a valid secret, null for an unknown or revoked one.</summary>
    protected abstract Task<IReadOnlyList<Claim>?> ClaimsOfAsync(IServiceProvider services, string secret, CancellationToken cancellationToken);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        MachineChannel.Challenge(Context);
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

/// <summary>A grantor's token (issued by the operator): the iPgb channel, its outbox and retour.</summary>
public sealed class GrantorTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : MachineTokenHandler(options, logger, encoder, scopes)
{
    protected override async Task<IReadOnlyList<Claim>?> ClaimsOfAsync(IServiceProvider services, string secret, CancellationToken cancellationToken) =>
        await services.GetRequiredService<GrantorService>().AuthenticateAsync(secret, cancellationToken) is { } grantor
            ?
            [
                new(MachineTokens.GrantorIdClaim, grantor.Id.ToString(CultureInfo.InvariantCulture)),
                new(MachineTokens.GrantorCodeClaim, grantor.Code),
                new(ClaimTypes.Name, grantor.Name),
            ]
            : null;
}

/// <summary>A provider's token (issued on its Koppelingen page): the claims API.</summary>
public sealed class ProviderTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : MachineTokenHandler(options, logger, encoder, scopes)
{
    protected override async Task<IReadOnlyList<Claim>?> ClaimsOfAsync(IServiceProvider services, string secret, CancellationToken cancellationToken) =>
        await services.GetRequiredService<CareProviderService>().AuthenticateApiTokenAsync(secret, cancellationToken) is { } provider
            ?
            [
                new(MachineTokens.CareProviderIdClaim, provider.Id.ToString(CultureInfo.InvariantCulture)),
                new(MachineTokens.ProviderNumberClaim, provider.ProviderNumber),
                new(ClaimTypes.Name, provider.Name),
            ]
            : null;
}
