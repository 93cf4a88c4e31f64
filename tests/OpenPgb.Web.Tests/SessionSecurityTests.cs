using System.Net;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>Absolute session timeout and the login rate limit, each on its own portal.</summary>
public sealed class SessionSecurityTests
{
    [Fact]
    public async Task Session_KeptAliveByUse_EndsAfterTheAbsoluteTimeout()
    {
        await using var factory = new OpenPgbWebFactory();
        await factory.InitializeAsync();
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");

        // A request every 15 minutes keeps the 20-minute idle window open for 7 h 45 min.
        for (var i = 0; i < 31; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(15));
            (await client.Http.GetAsync(new Uri("/budgethouder", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {(i + 1) * 15} minutes");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var expired = await client.Http.GetAsync(new Uri("/budgethouder", UriKind.Relative));

        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        expired.Headers.Location!.ToString().ShouldContain("/account/inloggen");
    }

    [Fact]
    public async Task Login_MoreAttemptsPerMinuteThanAllowed_Gets429()
    {
        await using var factory = new OpenPgbWebFactory { LoginAttemptsPerMinute = 3 };
        await factory.InitializeAsync();
        using var client = factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostFormAsync("/account/inloggen", new() { ["UserName"] = "operator", ["Password"] = "onjuist-wachtwoord-1" })).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
