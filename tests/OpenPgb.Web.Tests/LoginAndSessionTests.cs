using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;
using OpenPgb.Web.Pages.Account;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// Sessions live in the database and are checked against it on every request; sign-in tells nobody which names
/// exist and locks per name and address.
/// </summary>
public sealed class LoginAndSessionTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    private static readonly Uri HolderHome = new("/budgethouder", UriKind.Relative);

    [Fact]
    public async Task Logout_FromTheHeaderButton_EndsTheSession_AndACopiedCookieIsWorthless()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");
        var (_, home) = await client.GetPageAsync("/budgethouder");
        var form = home.QuerySelector("header form[action='/account/uitloggen']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        token.ShouldNotBeNull("the header's logout form carries its antiforgery token");
        var copiedCookie = SessionCookie(client);

        var loggedOut = await client.Http.PostAsync(new Uri("/account/uitloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        loggedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/account/uitloggen")).Document.QuerySelector("h1")!.TextContent.ShouldBe("U bent uitgelogd");
        ShouldBeSentToLogin(await client.Http.GetAsync(HolderHome));

        using var thief = factory.CreateClient(new() { AllowAutoRedirect = false });
        thief.DefaultRequestHeaders.Add("Cookie", copiedCookie);
        ShouldBeSentToLogin(await thief.GetAsync(HolderHome));
    }

    [Fact]
    public async Task LogoutPage_OnGet_DoesNotSignOut_AndOffersTheButton()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("vertegenwoordiger");

        var (status, page) = await client.GetPageAsync("/account/uitloggen");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Uitloggen");
        page.QuerySelector("[data-testid=logout]").ShouldNotBeNull();
        (await client.Http.GetAsync(HolderHome)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cookie_FromAnotherInstallation_IsNotAccepted_KeysLiveInTheDatabase()
    {
        await using var other = new OpenPgbWebFactory();
        await other.InitializeAsync();
        using var elsewhere = other.CreatePortalClient();
        await elsewhere.LoginAsync("budgethouder");
        (await elsewhere.Http.GetAsync(HolderHome)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var here = factory.CreateClient(new() { AllowAutoRedirect = false });
        here.DefaultRequestHeaders.Add("Cookie", SessionCookie(elsewhere));

        ShouldBeSentToLogin(await here.GetAsync(HolderHome));
        (await other.QueryAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task RemovedGrantorMembership_IsGoneOnTheNextRequest()
    {
        var (userId, amsterdam, utrecht) = await ChainEmployeeAsync();
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.samenwerking");
        (await client.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = utrecht.ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActiveGrantorAsync(client)).ShouldContain("Utrecht");

        await WithDbAsync(db => db.PortalUserGrantors.Where(g => g.UserId == userId && g.GrantorId == utrecht).ExecuteDeleteAsync());

        (await ActiveGrantorAsync(client)).ShouldContain("Amsterdam");
        (await client.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = utrecht.ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await WithDbAsync(db => db.PortalUserGrantors.Where(g => g.UserId == userId).ExecuteDeleteAsync());
        (await client.Http.GetAsync(new Uri("/verstrekker/werktaken", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await WithDbAsync(async db =>
        {
            db.PortalUserGrantors.Add(new PortalUserGrantor { UserId = userId, GrantorId = amsterdam });
            db.PortalUserGrantors.Add(new PortalUserGrantor { UserId = userId, GrantorId = utrecht });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task RoleTakenAway_IsGoneOnTheNextRequest()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker2.amsterdam");
        (await client.Http.GetAsync(new Uri("/verstrekker", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetRoleAsync("medewerker2.amsterdam", PortalRole.CareProvider);
        try
        {
            (await client.Http.GetAsync(new Uri("/verstrekker", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            await SetRoleAsync("medewerker2.amsterdam", PortalRole.GrantorEmployee);
        }
    }

    [Fact]
    public async Task SecurityStampChange_EndsEverySessionOfThatUser()
    {
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();
        await first.LoginAsync("zorgverlener.collega");
        await second.LoginAsync("zorgverlener.collega");

        await using (var scope = factory.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("zorgverlener.collega"))!);
        }

        ShouldBeSentToLogin(await first.Http.GetAsync(new Uri("/zorgverlener", UriKind.Relative)));
        ShouldBeSentToLogin(await second.Http.GetAsync(new Uri("/zorgverlener", UriKind.Relative)));
    }

    [Fact]
    public async Task ActiveGrantor_ChosenInOneSession_IsWhereTheNextSessionStarts()
    {
        var (_, amsterdam, utrecht) = await ChainEmployeeAsync();
        using (var client = factory.CreatePortalClient())
        {
            await client.LoginAsync("medewerker.samenwerking");
            await client.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = utrecht.ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker");
        }

        using var again = factory.CreatePortalClient();
        await again.LoginAsync("medewerker.samenwerking");
        (await ActiveGrantorAsync(again)).ShouldContain("Utrecht");
        await again.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = amsterdam.ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker");
        (await ActiveGrantorAsync(again)).ShouldContain("Amsterdam");
    }

    [Fact]
    public async Task NotFound_OnAGrantorPage_OffersAChainEmployeeTheOtherGrantors_ButNotTheActiveOne()
    {
        var (_, amsterdam, utrecht) = await ChainEmployeeAsync();
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.samenwerking");
        await client.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = amsterdam.ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker");

        var (status, page) = await client.GetPageAsync("/verstrekker/werktaak/987654321");

        status.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector($"[data-testid=switch-to-{utrecht}]")!.TextContent.ShouldContain("Utrecht");
        page.QuerySelector($"[data-testid=switch-to-{amsterdam}]").ShouldBeNull();
        page.QuerySelector($"[data-testid=switch-to-{utrecht}]")!.ParentElement!.QuerySelector("input[name=terug]")!.GetAttribute("value").ShouldBe("/verstrekker/werktaak/987654321");
    }

    [Fact]
    public async Task NotFound_ForAnEmployeeOfOneGrantor_OffersNoSwitch()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker2.amsterdam");

        var (status, page) = await client.GetPageAsync("/verstrekker/werktaak/987654321");

        status.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelectorAll("[data-testid^=switch-to-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Login_UnknownAndKnownName_SameMessageAndTheSameHashWork()
    {
        using var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.1.0.1");

        var before = factory.PasswordHashing.Verifications;
        var unknown = await PortalClient.ParseAsync(await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = "bestaat.niet", ["Password"] = "Een-fout-wachtwoord-1" }));
        var afterUnknown = factory.PasswordHashing.Verifications;
        var known = await PortalClient.ParseAsync(await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = "medewerker.zorgkantoor", ["Password"] = "Een-fout-wachtwoord-1" }));
        var afterKnown = factory.PasswordHashing.Verifications;

        (afterUnknown - before).ShouldBe(1, "an unknown name costs one password-hash verification");
        (afterKnown - afterUnknown).ShouldBe(1);
        unknown.QuerySelector(".alert-error")!.TextContent.ShouldBe(InloggenModel.WrongCombination);
        known.QuerySelector(".alert-error")!.TextContent.ShouldBe(InloggenModel.WrongCombination);
    }

    [Fact]
    public async Task Login_FiveFailures_LockThatNameFromThatAddressOnly_KnownOrNot()
    {
        using var attacker = factory.CreatePortalClient();
        attacker.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.2.0.66");
        foreach (var name in new[] { "medewerker.utrecht", "niemand.bekend" })
        {
            string message = string.Empty;
            for (var i = 0; i < 5; i++)
            {
                message = (await PortalClient.ParseAsync(await attacker.PostFormAsync("/account/inloggen", new() { ["UserName"] = name, ["Password"] = "fout-wachtwoord-123" })))
                    .QuerySelector(".alert-error")!.TextContent;
            }

            message.ShouldBe(InloggenModel.Locked, $"after five failures for {name}");
        }

        // Even the right password is refused from the attacker's address ...
        var fromAttacker = await PortalClient.ParseAsync(await attacker.PostFormAsync("/account/inloggen", new() { ["UserName"] = "medewerker.utrecht", ["Password"] = DemoDataSeeder.DemoPassword }));
        fromAttacker.QuerySelector(".alert-error")!.TextContent.ShouldBe(InloggenModel.Locked);

        // ... but the employee signs in from their own, and the lock ends after 15 minutes.
        using var employee = factory.CreatePortalClient();
        employee.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.2.0.10");
        await employee.LoginAsync("medewerker.utrecht");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = factory.CreatePortalClient();
        later.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.2.0.66");
        await later.LoginAsync("medewerker.utrecht");
    }

    [Theory]
    [InlineData("   ", "Vul uw gebruikersnaam in.")]
    [InlineData("", "Vul uw gebruikersnaam in.")]
    public async Task Login_BlankUserName_IsAFieldErrorNotA500(string userName, string message)
    {
        using var client = factory.CreatePortalClient();
        var response = await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = userName, ["Password"] = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        page.Title!.ShouldStartWith("Fout: ");
        var field = page.QuerySelector("#UserName")!;
        field.GetAttribute("aria-invalid").ShouldBe("true");
        var error = page.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ')[0])!;
        error.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=error-summary] a[href='#UserName']")!.TextContent.ShouldBe(message);
        page.QuerySelector("#Password")!.HasAttribute("aria-invalid").ShouldBeFalse();
    }

    private static void ShouldBeSentToLogin(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/inloggen");
    }

    private static string SessionCookie(PortalClient client)
    {
        var cookies = client.Cookies.GetCookieHeader(client.Http.BaseAddress!);
        cookies.ShouldContain("openpgb.auth=");
        return cookies;
    }

    private async Task<string> ActiveGrantorAsync(PortalClient client) =>
        (await client.GetPageAsync("/verstrekker")).Document.QuerySelector("[data-testid=active-grantor]")!.TextContent;

    private async Task<(string UserId, int Amsterdam, int Utrecht)> ChainEmployeeAsync() => await factory.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.UserName == "medewerker.samenwerking").Select(u => u.Id).SingleAsync();
        var amsterdam = await db.Grantors.Where(g => g.Code == "0363").Select(g => g.Id).SingleAsync();
        var utrecht = await db.Grantors.Where(g => g.Code == "0344").Select(g => g.Id).SingleAsync();
        return (userId, amsterdam, utrecht);
    });

    private async Task SetRoleAsync(string userName, PortalRole role) => await WithDbAsync(db =>
        db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, role)));

    private async Task WithDbAsync(Func<OpenPgbDbContext, Task<int>> change) => await factory.QueryAsync(change);
}
