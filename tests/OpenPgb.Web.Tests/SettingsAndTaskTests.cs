using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Grantors;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>Grantor settings and work tasks: a safeguard needs two employees to switch off; bad input is a message, never a 500.</summary>
public sealed class SettingsAndTaskTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task FourEyesOff_NeedsASecondEmployee_TheRequesterCannotConfirmIt()
    {
        using var first = factory.CreatePortalClient();
        await first.LoginAsync("medewerker.amsterdam");
        await first.PostFormAsync("/verstrekker/instellingen", new() { ["Kind"] = "FourEyesAssessment", ["Value"] = "true" }, "Choice");
        (await FourEyesAsync()).ShouldBeTrue();

        var requested = await first.PostFormAsync("/verstrekker/instellingen", new() { ["Kind"] = "FourEyesAssessment", ["Value"] = "false" }, "Choice");

        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FourEyesAsync()).ShouldBeTrue("one employee alone does not switch it off");
        var pending = await factory.QueryAsync(db => db.ProcessChoices.SingleAsync(c => c.AwaitingConfirmation));
        var (_, own) = await first.GetPageAsync("/verstrekker/instellingen");
        own.QuerySelector($"[data-testid=confirm-{pending.Id}]").ShouldBeNull();
        var selfConfirm = await first.PostFormAsync($"/verstrekker/instellingen?id={pending.Id}", [], "Confirm");
        selfConfirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(selfConfirm)).QuerySelector("[data-testid=error-summary]")!.TextContent.ShouldContain("andere medewerker");
        (await FourEyesAsync()).ShouldBeTrue();

        using var second = factory.CreatePortalClient();
        await second.LoginAsync("medewerker2.amsterdam");
        (await second.PostFormAsync($"/verstrekker/instellingen?id={pending.Id}", [], "Confirm")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FourEyesAsync()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("LetterPrinting", "Niemand")]
    [InlineData("PreBlockHolidayAllowance", "misschien")]
    [InlineData("FourEyesAssessment", "")]
    public async Task MalformedSettingValue_IsAMessage_NotA500(string kind, string value)
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.utrecht");

        var response = await client.PostFormAsync("/verstrekker/instellingen", new() { ["Kind"] = kind, ["Value"] = value }, "Choice");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=error-summary]")!.TextContent.ShouldContain("waarden uit de lijst");
    }

    [Fact]
    public async Task AssigningATaskToSomeoneOfAnotherGrantor_IsAMessage_NotA500()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var utrechtEmployee = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "medewerker.utrecht").Select(u => u.Id).SingleAsync());
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var response = await client.PostFormAsync("/verstrekker/werktaken", new() { ["taskId"] = ids.AmsterdamTask.ToString(CultureInfo.InvariantCulture), ["assignee"] = utrechtEmployee }, "Assign");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await client.GetPageAsync(response.Headers.Location!.ToString());
        page.QuerySelector("[data-testid=flash-error]")!.TextContent.ShouldContain("dezelfde verstrekker");
    }

    private async Task<bool> FourEyesAsync() => await factory.QueryAsync(async db =>
    {
        var amsterdam = await db.Grantors.Where(g => g.Code == "0363").Select(g => g.Id).SingleAsync();
        var rows = await db.ProcessChoices.Where(c => c.GrantorId == amsterdam && c.Kind == ProcessChoiceKind.FourEyesAssessment && !c.AwaitingConfirmation).OrderByDescending(c => c.Id).ToListAsync();
        return rows.Count > 0 && bool.Parse(rows[0].Value);
    });
}
