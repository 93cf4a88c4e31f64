using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// The two bearer-token schemes of the machine channels: each accepts only its own kind of token, answers 401 with a
/// Bearer challenge otherwise, and a portal session never opens a machine channel.
/// </summary>
public sealed class MachineTokenAuthenticationTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    private const string Outbox = "/api/ipgb/v1/outbox";
    private const string Claims = "/api/claims/v1";

    [Fact]
    public async Task GrantorToken_OpensTheIpgbChannel_ButNotTheClaimsApi()
    {
        var token = await GrantorTokenAsync("0363");

        (await GetAsync(Outbox, token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertChallenged(await PostClaimAsync(token));
    }

    [Fact]
    public async Task ProviderToken_OpensTheClaimsApi_ButNotTheIpgbChannel()
    {
        var token = await ProviderTokenAsync();

        // Authenticated: the request gets as far as the missing Idempotency-Key.
        (await PostClaimAsync(token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        AssertChallenged(await GetAsync(Outbox, token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("opgb_not-a-real-token")]
    public async Task MissingOrUnknownToken_Is401WithABearerChallenge_OnBothChannels(string? token)
    {
        AssertChallenged(await GetAsync(Outbox, token));
        AssertChallenged(await PostClaimAsync(token));
    }

    [Fact]
    public async Task RevokedGrantorToken_Is401()
    {
        var token = await GrantorTokenAsync("0363");
        await using (var scope = factory.SystemScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().ApiTokens.Where(t => t.SecretHash == ApiToken.HashSecret(token)).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<GrantorService>().RevokeTokenAsync(id, CancellationToken.None);
        }

        AssertChallenged(await GetAsync(Outbox, token));
    }

    [Fact]
    public async Task BasicAuthentication_IsNotABearerToken()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:x")));

        AssertChallenged(await client.GetAsync(new Uri(Outbox, UriKind.Relative)));
    }

    [Fact]
    public async Task PortalSession_DoesNotOpenAMachineChannel()
    {
        using var operatorClient = factory.CreatePortalClient();
        await operatorClient.LoginAsync("operator");
        using var provider = factory.CreatePortalClient();
        await provider.LoginAsync("zorgverlener");

        AssertChallenged(await operatorClient.Http.GetAsync(new Uri(Outbox, UriKind.Relative)));
        AssertChallenged(await provider.Http.PostAsync(new Uri(Claims, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")));
    }

    private static void AssertChallenged(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldContain("Bearer");
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? token)
    {
        using var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return await client.GetAsync(new Uri(url, UriKind.Relative));
    }

    private async Task<HttpResponseMessage> PostClaimAsync(string? token)
    {
        using var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return await client.PostAsync(new Uri(Claims, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
    }

    private async Task<string> GrantorTokenAsync(string grantorCode)
    {
        await using var scope = factory.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<GrantorService>().IssueTokenAsync(grantorCode, CancellationToken.None)).Secret;
    }

    private async Task<string> ProviderTokenAsync()
    {
        await using var scope = factory.SystemScope();
        var provider = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().CareProviders.SingleAsync(p => p.KvkNumber == "68750110");
        return await scope.ServiceProvider.GetRequiredService<CareProviderService>().IssueApiTokenAsync(Actor.Provider("auth-test", "Zorg Op Maat", provider.Id), CancellationToken.None);
    }
}
