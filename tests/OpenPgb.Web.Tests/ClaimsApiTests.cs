using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Web.Api;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>POST /api/claims/v1: provider tokens, idempotency keys, rule refusals as 422.</summary>
public sealed class ClaimsApiTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    private static readonly Uri Endpoint = new("/api/claims/v1", UriKind.Relative);

    [Fact]
    public async Task Post_WithTokenAndKey_Creates_RepeatAnswersTheSame_OtherContentConflicts()
    {
        var (token, agreement, careFunction) = await ProviderTokenAndAgreementAsync();
        var month = FirstOfThisMonth();
        var request = Request(agreement.Id, careFunction, month, "API-F-1");

        var created = await PostAsync(token, "key-1", request);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await created.Content.ReadFromJsonAsync<ClaimResponse>())!;
        body.Status.ShouldBe("Submitted");
        body.BedragCenten.ShouldBe(2 * 4_000);

        var repeat = await PostAsync(token, "key-1", request);
        repeat.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await repeat.Content.ReadFromJsonAsync<ClaimResponse>())!.Id.ShouldBe(body.Id);

        (await PostAsync(token, "key-1", request with { Eenheden = 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await factory.QueryAsync(db => db.Claims.CountAsync(c => c.ExternalKey == "key-1"))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Repeat_AfterTheClaimWasPaid_AnswersPaid()
    {
        var (token, agreement, careFunction) = await ProviderTokenAndAgreementAsync();
        // A day no other test of this class claims: they take the first or the second of this month, or the agreement's start.
        var day = FirstOfThisMonth().AddDays(2) == agreement.ApprovedVersion!.StartDate ? FirstOfThisMonth().AddDays(3) : FirstOfThisMonth().AddDays(2);
        var request = Request(agreement.Id, careFunction, day, "API-PAID-1");
        var created = (await (await PostAsync(token, "key-paid", request)).Content.ReadFromJsonAsync<ClaimResponse>())!;

        await using (var scope = factory.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var holderBsn = await db.BudgetHolders.Where(b => b.Id == agreement.BudgetHolderId).Select(b => b.Bsn).SingleAsync();
            (await scope.ServiceProvider.GetRequiredService<ClaimService>().ApproveAsync(Actor.Citizen("api-test-holder", "Budgethouder", holderBsn), created.Id, CancellationToken.None)).ShouldBeTrue();
        }

        var approved = await PostAsync(token, "key-paid", request);
        (await approved.Content.ReadFromJsonAsync<ClaimResponse>())!.Status.ShouldBe("Approved");

        var files = Directory.CreateTempSubdirectory("openpgb-api-paid-");
        try
        {
            await using (var scope = factory.SystemScope())
            {
                await scope.ServiceProvider.GetRequiredService<PaymentRunService>().RunAsync(PaymentRunKind.Manual, FirstOfThisMonth(), "test", files.FullName, CancellationToken.None);
            }

            var paid = await PostAsync(token, "key-paid", request);
            paid.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await paid.Content.ReadFromJsonAsync<ClaimResponse>())!.Status.ShouldBe("Paid");
        }
        finally
        {
            files.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Post_BreakingRules_Answers422WithEveryDutchMessage_AndRefusesWithoutTokenOrKey()
    {
        var (token, agreement, careFunction) = await ProviderTokenAndAgreementAsync();
        var request = Request(agreement.Id, careFunction, FirstOfThisMonth(), "API-F-2") with { Eenheden = 30 };

        var refused = await PostAsync(token, "key-2", request with { Einddatum = FirstOfThisMonth() });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await refused.Content.ReadFromJsonAsync<ClaimProblem>())!;
        problem.Regels.ShouldContain(r => r.Regel == "UnitsPlausible" && r.Melding.Contains("24 uur per dag"));

        (await PostAsync("opgbzv_onzin", "key-3", request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(token, string.Empty, request)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(token, "key-4", request with { Overeenkomst = 987654 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_TwentyClaimsForOneAgreementAndDay_AtOnce_AcceptsOneAndRefusesTheRestWith422()
    {
        var (token, agreement, careFunction) = await ProviderTokenAndAgreementAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, OpenPgb.Core.Common.AmsterdamClock.Zone).DateTime);
        var start = agreement.ApprovedVersion!.StartDate;

        // A day of the agreement that the other tests of this class do not claim (they take the first of this month).
        var day = start == FirstOfThisMonth() ? start.AddDays(1) : start;
        day.ShouldBeLessThanOrEqualTo(today);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            PostAsync(token, $"parallel-{i}", Request(agreement.Id, careFunction, day, $"API-PAR-{i}") with { Eenheden = 6 })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(19);
        (await factory.QueryAsync(db => db.Claims.CountAsync(c => c.CareAgreementId == agreement.Id && c.PeriodStart == day))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_HugeNumbersOrAHugeBody_AreRefusedCleanly_NeverA500()
    {
        var (token, agreement, careFunction) = await ProviderTokenAndAgreementAsync();
        var day = FirstOfThisMonth();

        var huge = await PostAsync(token, "huge-1", Request(agreement.Id, careFunction, day, "API-HUGE-1") with { Eenheden = 79_228_162_514_264_337_593_543_950_335m });
        huge.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await huge.Content.ReadFromJsonAsync<ClaimProblem>())!.Regels.ShouldContain(r => r.Regel == "UnitsPlausible");

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add(ClaimsApi.IdempotencyHeader, "huge-2");
        var overflow = await client.PostAsync(Endpoint, new StringContent("""{"overeenkomst":1,"eenheden":1e300}""", System.Text.Encoding.UTF8, "application/json"));
        overflow.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var big = await client.PostAsync(Endpoint, new ByteArrayContent(new byte[ClaimsApi.MaxBodyBytes + 1]));
        big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // Without a valid token the body is never read: the answer is 401 whatever its size.
        using var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "opgbzv_onbekend");
        (await anonymous.PostAsync(Endpoint, new ByteArrayContent(new byte[ClaimsApi.MaxBodyBytes * 4]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static DateOnly FirstOfThisMonth()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, OpenPgb.Core.Common.AmsterdamClock.Zone).DateTime);
        return new DateOnly(today.Year, today.Month, 1);
    }

    private static ClaimRequest Request(long agreement, string careFunction, DateOnly day, string invoice) =>
        new(agreement, "zorg", careFunction, day, day, 2, null, invoice, DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<HttpResponseMessage> PostAsync(string token, string key, ClaimRequest request)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Add(ClaimsApi.IdempotencyHeader, key);
        }

        return await client.PostAsJsonAsync(Endpoint, request);
    }

    // The demo's Zorg Op Maat and its approved agreement at 40.00 an hour (a change to it is pending; the demo claims are on the 45.00 one) with the demo budget holder.
    private async Task<(string Token, CareAgreement Agreement, string CareFunction)> ProviderTokenAndAgreementAsync()
    {
        await using var scope = factory.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var provider = await db.CareProviders.SingleAsync(p => p.KvkNumber == "68750110");
        var agreement = await db.CareAgreements.Include(a => a.Versions)
            .FirstAsync(a => a.CareProviderId == provider.Id && a.Versions.Any(v => v.Status == AgreementStatus.Approved && v.TariffCents == 4_000));
        var actor = Actor.Provider("api-test", "Zorg Op Maat", provider.Id);
        var token = await scope.ServiceProvider.GetRequiredService<CareProviderService>().IssueApiTokenAsync(actor, CancellationToken.None);
        return (token, agreement, agreement.ApprovedVersion!.CareFunctionCodes[0]);
    }
}
