using System.Net;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

public sealed class PortalTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders_WithoutInlineScript()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/account/inloggen", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsDutchErrorAndLocksOutAfterFiveAttempts()
    {
        using var client = factory.CreatePortalClient();
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = "medewerker.utrecht", ["Password"] = "fout-wachtwoord-123" });
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        page.QuerySelector(".alert-error")!.TextContent.ShouldContain("geblokkeerd");

        var correct = await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = "medewerker.utrecht", ["Password"] = OpenPgb.Core.Demo.DemoDataSeeder.DemoPassword });
        correct.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(correct)).QuerySelector(".alert-error")!.TextContent.ShouldContain("geblokkeerd");
    }

    [Fact]
    public async Task BudgetHolder_SeesBudgetPerCareFunction()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");

        var (status, page) = await client.GetPageAsync("/budgethouder");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid^=grant-B]").Length.ShouldBeGreaterThan(0);
        page.QuerySelectorAll("[data-testid^=care-function-]").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("[data-testid=grant-total]")!.TextContent.ShouldStartWith("€");
    }

    [Fact]
    public async Task Employee_SearchesByBsnThroughPost_AndTheBsnAppearsInNoUrlOrPage()
    {
        var bsn = await factory.QueryAsync(db => Task.FromResult(db.Grants.Where(g => g.Grantor!.Code == "0363").Select(g => g.BudgetHolder!.Bsn).First()));
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var response = await client.PostFormAsync("/verstrekker/budgethouders", new() { ["Bsn"] = bsn });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(response);
        page.QuerySelectorAll("[data-testid=holders] tbody tr").Length.ShouldBe(1);
        html.ShouldNotContain(bsn);
        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).ShouldAllBe(href => !href.Contains(bsn));
    }

    [Fact]
    public async Task Employee_SearchingBsnOfAnotherGrantor_FindsNothing()
    {
        var bsn = await factory.QueryAsync(db => Task.FromResult(db.Grants.Where(g => g.Grantor!.Code == "0344").Select(g => g.BudgetHolder!.Bsn).First()));
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var response = await client.PostFormAsync("/verstrekker/budgethouders", new() { ["Bsn"] = bsn });

        var page = await PortalClient.ParseAsync(response);
        page.QuerySelectorAll("[data-testid=holders] tbody tr").Length.ShouldBe(0);
        page.QuerySelector(".alert-error")!.TextContent.ShouldContain("Geen budgethouder");
    }

    [Fact]
    public async Task Employee_SearchWithInvalidBsn_GetsDutchError()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var response = await client.PostFormAsync("/verstrekker/budgethouders", new() { ["Bsn"] = "123" });

        (await PortalClient.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.ShouldContain("geldig BSN");
    }

    [Fact]
    public async Task Operator_IssuesTokenShownOnce_AndCanRevokeIt()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var issued = await client.PostFormAsync("/beheer/tokens", new() { ["grantorCode"] = "5501" }, handler: "Issue");

        var secret = (await PortalClient.ParseAsync(issued)).QuerySelector("[data-testid=issued-token]")!.TextContent;
        secret.ShouldStartWith("opgb_");
        var (_, list) = await client.GetPageAsync("/beheer/tokens");
        list.Body!.InnerHtml.ShouldNotContain(secret);
        var tokenId = await factory.QueryAsync(db => Task.FromResult(db.ApiTokens.Where(t => t.SecretHash == OpenPgb.Core.Grantors.ApiToken.HashSecret(secret)).Select(t => t.Id).Single()));

        await client.PostFormAsync("/beheer/tokens", new() { ["tokenId"] = tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Revoke");

        (await factory.QueryAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.Id == tokenId).RevokedAt))).ShouldNotBeNull();
    }

    [Fact]
    public async Task Operator_AddsGrantor_AndDuplicateCodeGetsDutchError()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var added = await client.PostFormAsync("/beheer/verstrekkers", new() { ["Code"] = "0014", ["Name"] = "Gemeente Groningen", ["Kind"] = "Municipality", ["LiveFrom"] = "2026-06-01" }, handler: "Add");
        (await PortalClient.ParseAsync(added)).QuerySelector(".alert-success")!.TextContent.ShouldContain("0014");

        var duplicate = await client.PostFormAsync("/beheer/verstrekkers", new() { ["Code"] = "0014", ["Name"] = "Nogmaals", ["Kind"] = "Municipality" }, handler: "Add");
        (await PortalClient.ParseAsync(duplicate)).QuerySelector(".alert-error")!.TextContent.ShouldContain("bestaat al");
    }

    [Fact]
    public async Task Logs_OfAllPortalAndIntakeTraffic_ContainNoBsn()
    {
        // Drive traffic that touches BSNs: logins of citizens, BSN search, pages with holders, and intake.
        using (var client = factory.CreatePortalClient())
        {
            await client.LoginAsync("budgethouder");
            await client.GetPageAsync("/budgethouder");
        }

        using (var client = factory.CreatePortalClient())
        {
            await client.LoginAsync("medewerker.amsterdam");
            var bsn = await factory.QueryAsync(db => Task.FromResult(db.BudgetHolders.Select(b => b.Bsn).First()));
            await client.PostFormAsync("/verstrekker/budgethouders", new() { ["Bsn"] = bsn });
            await client.GetPageAsync("/verstrekker/berichten");
        }

        var bsns = await factory.AllBsnsAsync();
        bsns.Count.ShouldBeGreaterThan(10);
        factory.Logs.Count.ShouldBeGreaterThan(0);
        foreach (var line in factory.Logs)
        {
            foreach (var bsn in bsns)
            {
                line.ShouldNotContain(bsn, customMessage: "A log line contains a BSN");
            }
        }
    }
}
