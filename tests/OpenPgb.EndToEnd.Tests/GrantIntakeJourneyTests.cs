using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Npgsql;
using OpenPgb.Core.Common;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// In Chromium against the running portal: an operator issues a token, the grantor's system sends 501s over HTTP,
/// the grantor employee finds them in the intake log (a rejected one with its codes) and the grant, and the budget
/// holder sees the budget per care function. Every page visited passes axe without serious or critical violations.
/// </summary>
public sealed class GrantIntakeJourneyTests(BrowserFixture browser, PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private Uri Base => portal.Server.BaseAddress;

    [Fact]
    public async Task Grant_SentOverHttp_IsSeenByEmployeeAndBudgetHolder()
    {
        var token = await IssueTokenAsOperatorAsync();
        var holderBsn = await ScalarAsync("SELECT \"Bsn\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'budgethouder'");
        var today = TimeProvider.System.Today();
        var accepted = Messages.Valid(identification: "E2E00000001", budgetKey: "E2E-1")
            .WithHeader(h => h with { DateSent = today })
            .WithClient(c => c with { Bsn = holderBsn })
            .WithBudget(b => b with { Representatives = [] });
        var rejected = Messages.Valid(identification: "E2E00000002", budgetKey: "E2E-2")
            .WithHeader(h => h with { DateSent = today })
            .WithClient(c => c with { Bsn = "999990018" });

        (await PostAsync(token, accepted.Bytes())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejectedResponse = await PostAsync(token, rejected.Bytes());
        rejectedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rejectedResponse.Content.ReadAsStringAsync()).ShouldContain("<RetourCode>9001</RetourCode>");

        await using (var employee = await browser.Browser.NewContextAsync())
        {
            var page = await employee.NewPageAsync();
            await page.LoginAsync(Base, "medewerker.amsterdam");
            await page.AssertAccessibleAsync();
            (await page.GetByTestId("active-grantor").TextContentAsync())!.ShouldContain("Gemeente Amsterdam");

            await page.GetByRole(AriaRole.Link, new() { Name = "Berichten", Exact = true }).ClickAsync();
            await page.AssertAccessibleAsync();
            var acceptedRow = page.GetByTestId("intake-row-E2E00000001");
            (await acceptedRow.TextContentAsync())!.ShouldContain("0200");
            var rejectedRow = page.GetByTestId("intake-row-E2E00000002");
            (await rejectedRow.TextContentAsync())!.ShouldContain("9001");

            await rejectedRow.GetByRole(AriaRole.Link).ClickAsync();
            await page.AssertAccessibleAsync();
            (await page.GetByTestId("return-codes").TextContentAsync())!.ShouldContain("BSN voldoet niet aan de elfproef");

            await page.GoBackAsync();
            await acceptedRow.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Naar het budget" }).ClickAsync();
            await page.AssertAccessibleAsync();
            (await page.GetByTestId("versions").TextContentAsync())!.ShouldContain("E2E-1");
            (await page.GetByTestId("grant-E2E-1").TextContentAsync())!.ShouldContain("Begeleiding");

            await page.GetByRole(AriaRole.Link, new() { Name = "Budgethouders", Exact = true }).ClickAsync();
            await page.AssertAccessibleAsync();
            await page.GetByLabel("Zoek op BSN").FillAsync(holderBsn);
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken op BSN" }).ClickAsync();
            page.Url.ShouldNotContain(holderBsn);
            (await page.GetByTestId("holders").Locator("tbody tr").CountAsync()).ShouldBe(1);
        }

        await using var citizen = await browser.Browser.NewContextAsync();
        var holderPage = await citizen.NewPageAsync();
        await holderPage.LoginAsync(Base, "budgethouder");
        await holderPage.AssertAccessibleAsync();
        var grant = holderPage.GetByTestId("grant-E2E-1");
        (await grant.GetByTestId("care-function-02").TextContentAsync())!.ShouldContain("12.500,00");
        (await grant.GetByTestId("care-function-03").TextContentAsync())!.ShouldContain("8.000,00");
        (await grant.GetByTestId("grant-total").TextContentAsync())!.ShouldContain("20.500,00");
        // The 02 budget runs April 2026 to March 2027: it is shown per calendar year too.
        (await grant.GetByTestId("care-function-02").TextContentAsync())!.ShouldContain("2027:");
    }

    [Fact]
    public async Task Representative_SeesTheBudgetHolderTheyRepresent_WithTheirRights()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LoginAsync(Base, "vertegenwoordiger");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vertegenwoordiging" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("table a").First.ClickAsync();

        await page.AssertAccessibleAsync();
        (await page.Locator("main").TextContentAsync())!.ShouldContain("lees- en schrijfrechten");
        (await page.Locator("[data-testid^=care-function-]").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Operator_PagesAreAccessible()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LoginAsync(Base, "operator");
        foreach (var path in new[] { "/beheer/verstrekkers", "/beheer/tokens", "/account/tweestapsverificatie", "/beheer/berichten" })
        {
            await page.GotoAsync(new Uri(Base, path).ToString());
            await page.AssertAccessibleAsync();
        }

        await page.Locator("[data-testid=intake-log] a").First.ClickAsync();
        await page.AssertAccessibleAsync();
    }

    private async Task<string> IssueTokenAsOperatorAsync()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LoginAsync(Base, "operator");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tokens" }).ClickAsync();
        await page.GetByLabel("Verstrekker").SelectOptionAsync("0363");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitgeven" }).ClickAsync();
        await page.AssertAccessibleAsync();
        return (await page.GetByTestId("issued-token").TextContentAsync())!.Trim();
    }

    private async Task<HttpResponseMessage> PostAsync(string token, byte[] body)
    {
        using var http = new HttpClient { BaseAddress = Base };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.PostAsync(new Uri("/api/ipgb/v1/messages", UriKind.Relative), new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } });
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
