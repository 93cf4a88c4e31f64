using System.Net;
using OpenPgb.Testing;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>With two-factor required for staff (the production default): set up TOTP first, then use it on every login.</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly OpenPgbWebFactory _factory = new() { RequireTwoFactor = true };

    public ValueTask InitializeAsync() => _factory.InitializeAsync();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Employee_WithoutSecondFactor_IsSentToSetup_ThenLogsInWithTotp()
    {
        using (var client = _factory.CreatePortalClient())
        {
            await client.LoginAsync("medewerker.utrecht");

            var blocked = await client.Http.GetAsync(new Uri("/verstrekker", UriKind.Relative));
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            blocked.Headers.Location!.ToString().ShouldBe("/account/tweestapsverificatie");

            var (_, setup) = await client.GetPageAsync("/account/tweestapsverificatie");
            var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
            var wrong = await client.PostFormAsync("/account/tweestapsverificatie", new() { ["Code"] = "000000" });
            (await PortalClient.ParseAsync(wrong)).QuerySelector(".alert-error").ShouldNotBeNull();

            var enabled = await client.PostFormAsync("/account/tweestapsverificatie", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            enabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.Http.GetAsync(new Uri("/verstrekker", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "openpgb-2fa-key"), key);
        }

        using var next = _factory.CreatePortalClient();
        var login = await next.PostFormAsync("/account/inloggen", new() { ["UserName"] = "medewerker.utrecht", ["Password"] = OpenPgb.Core.Demo.DemoDataSeeder.DemoPassword });
        login.Headers.Location!.ToString().ShouldStartWith("/account/tweestaps");
        var keyAgain = await File.ReadAllTextAsync(Path.Combine(Path.GetTempPath(), "openpgb-2fa-key"));
        var verified = await next.PostFormAsync("/account/tweestaps", new() { ["Code"] = Totp.Code(keyAgain, DateTimeOffset.UtcNow) });
        verified.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await next.Http.GetAsync(new Uri("/verstrekker", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Citizen_IsNotForcedToSetUpTwoFactor()
    {
        using var client = _factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");
        (await client.Http.GetAsync(new Uri("/budgethouder", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
