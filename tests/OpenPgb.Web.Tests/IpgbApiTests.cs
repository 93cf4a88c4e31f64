using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>The HTTP channel's status codes exactly as IPGB.md lists them.</summary>
public sealed class IpgbApiTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    private static readonly Uri Endpoint = new("/api/ipgb/v1/messages", UriKind.Relative);

    [Fact]
    public async Task Post_ValidMessage_Answers200WithAccepting502AndStoresTheGrant()
    {
        var token = await IssueTokenAsync("0363");
        var message = Messages.Valid(identification: "API00000001", budgetKey: "API-1").WithClient(c => c with { Bsn = "999990044" });

        var response = await PostAsync(token, message.Bytes());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("<BerichtCode>502</BerichtCode>");
        body.ShouldContain("<Identificatie>API00000001</Identificatie>");
        body.ShouldNotContain("<RetourCode>0233</RetourCode>");
        (await factory.QueryAsync(db => db.Grants.AnyAsync(g => g.BudgetKey == "API-1"))).ShouldBeTrue();
        (await factory.QueryAsync(db => db.IntakeMessages.SingleAsync(m => m.Identification == "API00000001"))).Channel.ShouldBe(MessageChannel.Http);
    }

    [Fact]
    public async Task Post_BusinessRejection_Answers200WithCodes()
    {
        var token = await IssueTokenAsync("0363");
        var message = Messages.Valid(identification: "API00000002", budgetKey: "API-2").WithClient(c => c with { Bsn = "999990018" });

        var response = await PostAsync(token, message.Bytes());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<RetourCode>9001</RetourCode>");
    }

    [Fact]
    public async Task Post_UnreadableHeader_Answers400WithHeader502()
    {
        var token = await IssueTokenAsync("0363");

        var response = await PostAsync(token, "<Bericht>kapot"u8.ToArray());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<RetourCode>0001</RetourCode>");
    }

    [Fact]
    public async Task Post_SchemaErrorWithReadableHeader_Answers200With0001()
    {
        var token = await IssueTokenAsync("0363");
        var text = Encoding.UTF8.GetString(Messages.Valid(identification: "API00000003").Bytes()).Replace("<Wet>WMO</Wet>", "<Wet>XXX</Wet>", StringComparison.Ordinal);

        var response = await PostAsync(token, Encoding.UTF8.GetBytes(text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<RetourCode>0001</RetourCode>");
    }

    [Fact]
    public async Task Post_WithoutToken_Is401()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(Endpoint, new ByteArrayContent(Messages.Valid().Bytes()) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_WithUnknownOrRevokedToken_Is401()
    {
        (await PostAsync("opgb_not-a-real-token", Messages.Valid().Bytes())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var token = await IssueTokenAsync("0363");
        await using (var scope = factory.SystemScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<OpenPgb.Core.Data.OpenPgbDbContext>().ApiTokens.Where(t => t.SecretHash == ApiToken.HashSecret(token)).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<GrantorService>().RevokeTokenAsync(id, CancellationToken.None);
        }

        (await PostAsync(token, Messages.Valid().Bytes())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SenderIsNotTheTokensGrantor_Is403AndNothingApplied()
    {
        var token = await IssueTokenAsync("0344");

        var response = await PostAsync(token, Messages.Valid(identification: "API00000004", budgetKey: "API-4").Bytes());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.Grants.AnyAsync(g => g.BudgetKey == "API-4"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        var token = await IssueTokenAsync("0363");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsync(Endpoint, new StringContent("{}", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_LargerThanOneMegabyte_Is413()
    {
        var token = await IssueTokenAsync("0363");
        (await PostAsync(token, new byte[(1024 * 1024) + 1])).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OpenApiDescription_OutsideDevelopment_IsForOperatorsOnly_AndDescribesTheEndpoints()
    {
        using var anonymous = factory.CreatePortalClient();
        var refused = await anonymous.Http.GetAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/inloggen");

        using var provider = factory.CreatePortalClient();
        await provider.LoginAsync("zorgverlener");
        (await provider.Http.GetAsync(new Uri("/api/openapi/v1.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var operatorClient = factory.CreatePortalClient();
        await operatorClient.LoginAsync("operator");
        var json = await operatorClient.Http.GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));
        json.ShouldContain("/api/ipgb/v1/messages");
        json.ShouldContain("/api/claims/v1");
    }

    [Fact]
    public async Task Health_LiveAndReady_Are200()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outbox_ListsTheGrantorsOwn507s_FetchesXml_And508AnswersOnce()
    {
        await using (var scope = factory.SystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.BudgetClosing.BudgetClosingService>().ProduceDueAsync(new DateOnly(2031, 1, 1), CancellationToken.None);
        }

        var token = await IssueTokenAsync("0363");
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/api/ipgb/v1/outbox", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var outbox = await client.GetFromJsonAsync<OpenPgb.Web.Api.OutboxItem[]>(new Uri("/api/ipgb/v1/outbox", UriKind.Relative));
        outbox.ShouldNotBeNull().ShouldNotBeEmpty();
        var first = outbox[0];

        var xml = await client.GetStringAsync(new Uri(first.Href, UriKind.Relative));
        xml.ShouldContain("<BerichtCode>507</BerichtCode>");
        xml.ShouldContain("<Ontvanger>0363</Ontvanger>");

        using var other = factory.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync("0344"));
        (await other.GetAsync(new Uri(first.Href, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bsn = System.Xml.Linq.XDocument.Parse(xml).Descendants().Single(e => e.Name.LocalName == "Bsn").Value;
        var retour = Encoding.UTF8.GetString(Retour508.For("0363", first.Identificatie, bsn));
        (await client.PostAsync(new Uri("/api/ipgb/v1/retour", UriKind.Relative), new StringContent(retour, Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync(new Uri("/api/ipgb/v1/retour", UriKind.Relative), new StringContent(retour, Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsync(new Uri("/api/ipgb/v1/retour", UriKind.Relative), new StringContent("<Bericht/>", Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.PostAsync(new Uri("/api/ipgb/v1/retour", UriKind.Relative), new StringContent(retour, Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetFromJsonAsync<OpenPgb.Web.Api.OutboxItem[]>(new Uri("/api/ipgb/v1/outbox", UriKind.Relative)))!.ShouldNotContain(i => i.Identificatie == first.Identificatie);
    }

    private async Task<string> IssueTokenAsync(string grantorCode)
    {
        await using var scope = factory.SystemScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<GrantorService>().IssueTokenAsync(grantorCode, CancellationToken.None);
        return secret;
    }

    private async Task<HttpResponseMessage> PostAsync(string token, byte[] body)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync(Endpoint, new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } });
    }
}
