using System.Net;
using System.Text.Json;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// The operator's manual payment run leaves the web request at once: it is queued, a background job runs it, and the
/// page (and its script) follow the progress until the result is in.
/// </summary>
public sealed class ManualPaymentRunPortalTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task Operator_StartsAManualRun_TheRequestReturnsAtOnce_AndTheProgressEndsWithTheResult()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var started = await client.PostFormAsync("/beheer/betaalruns", [], "Start");

        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await client.GetPageAsync("/beheer/betaalruns");
        var request = page.QuerySelector("[data-run-request]")!;
        page.QuerySelector("[data-testid=run-progress]")!.GetAttribute("role").ShouldBe("status");
        var id = request.GetAttribute("data-run-request")!;

        JsonElement progress = default;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var response = await client.Http.GetAsync(new Uri($"/beheer/betaalruns?handler=Voortgang&id={id}", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            progress = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (progress.GetProperty("klaar").GetBoolean())
            {
                break;
            }

            await Task.Delay(500);
        }

        progress.GetProperty("klaar").GetBoolean().ShouldBeTrue("the background job finished the run");
        progress.GetProperty("status").GetString().ShouldBe("Completed");
        var (_, after) = await client.GetPageAsync("/beheer/betaalruns");
        after.QuerySelector("[data-testid=run-progress]")!.TextContent.ShouldBe(progress.GetProperty("tekst").GetString());
    }

    [Theory]
    [InlineData("medewerker.amsterdam")]
    [InlineData("zorgverlener")]
    [InlineData("budgethouder")]
    public async Task Progress_ForAnyoneButAnOperator_IsForbidden(string userName)
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync(userName);

        (await client.Http.GetAsync(new Uri("/beheer/betaalruns?handler=Voortgang&id=1", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
