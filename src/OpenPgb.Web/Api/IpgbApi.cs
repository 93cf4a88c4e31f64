using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenPgb.Core.BudgetClosing;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Api;

/// <summary>
/// The HTTP channel for iPgb messages (IPGB.md): POST one 501 per request with a grantor's bearer token. Answers
/// 200 with the 502 whenever the header could be read (business rejections included), 400 with a header-level 502
/// when it could not, and 401 / 403 / 413 / 415 for transport refusals.
/// </summary>
public static class IpgbApi
{
    public const string RateLimitPolicy = "ipgb-token";
    private const string XmlContentType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapIpgbApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/ipgb/v1").WithTags("iPgb").DisableAntiforgery().RequireAuthorization(MachineTokens.GrantorPolicy);
        api.MapPost("/messages", ReceiveAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("ReceiveIpgbMessage")
            .WithSummary("Receive one iPgb 501 (toekenningsbericht) and answer it with a 502")
            .Accepts<string>("application/xml", "text/xml")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .Produces<string>(StatusCodes.Status400BadRequest, "application/xml")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/outbox", OutboxAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("IpgbOutbox")
            .WithSummary("The grantor's 507s (budgetafsluitberichten) not yet answered with a 508");
        api.MapGet("/outbox/{identificatie}", FetchAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("FetchIpgb507")
            .WithSummary("One 507 of the grantor, as XML")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
        api.MapPost("/retour", RetourAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("ReceiveIpgb508")
            .WithSummary("Receive the grantor's 508 for a 507")
            .Accepts<string>("application/xml", "text/xml");
        return routes;
    }

    /// <summary>Partition key for the per-token rate limit: a hash of the presented token, never the token itself.</summary>
    public static string TokenPartition(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.Length == 0 ? "anonymous" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)))[..16];
    }

    private static async Task<Results<ContentHttpResult, ForbidHttpResult, StatusCodeHttpResult>> ReceiveAsync(
        HttpContext context,
        GrantIntakeService intake,
        AccessScopeAccessor scope,
        IntakeOptions options,
        CancellationToken cancellationToken)
    {
        var grantor = Caller(context, scope);

        if (!MachineChannel.IsXml(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Request.ContentLength > options.MaxMessageBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBoundedAsync(context, options.MaxMessageBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var result = await intake.ReceiveAsync(body, MessageChannel.Http, grantor.Code, cancellationToken);
        if (result.Outcome == IntakeOutcome.Refused)
        {
            return TypedResults.Forbid(authenticationSchemes: [MachineTokens.GrantorScheme]);
        }

        context.Response.StatusCode = result.HeaderReadable ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return TypedResults.Content(Encoding.UTF8.GetString(result.Response!), XmlContentType, Encoding.UTF8, context.Response.StatusCode);
    }

    private static async Task<Ok<OutboxItem[]>> OutboxAsync(
        HttpContext context, BudgetClosingService closings, AccessScopeAccessor scope, CancellationToken cancellationToken)
    {
        var grantor = Caller(context, scope);

        var pending = await closings.PendingAsync(grantor.Id, cancellationToken);
        return TypedResults.Ok(pending.Select(m => new OutboxItem(m.Identification, "507", m.DateSent, $"/api/ipgb/v1/outbox/{m.Identification}", m.FetchedAt is not null)).ToArray());
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FetchAsync(
        string identificatie, HttpContext context, BudgetClosingService closings, AccessScopeAccessor scope, CancellationToken cancellationToken)
    {
        var grantor = Caller(context, scope);

        var message = await closings.FetchAsync(grantor.Id, identificatie, cancellationToken);
        return message is null ? TypedResults.NotFound() : TypedResults.Content(Encoding.UTF8.GetString(message.Xml), XmlContentType, Encoding.UTF8);
    }

    private static async Task<Results<NoContent, ForbidHttpResult, NotFound, ContentHttpResult, StatusCodeHttpResult>> RetourAsync(
        HttpContext context, BudgetClosingService closings, AccessScopeAccessor scope, IntakeOptions options, CancellationToken cancellationToken)
    {
        var grantor = Caller(context, scope);

        if (!MachineChannel.IsXml(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBoundedAsync(context, options.MaxMessageBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            return await closings.ReceiveRetourAsync(grantor.Code, body, cancellationToken) switch
            {
                RetourOutcome.Recorded => TypedResults.NoContent(),
                RetourOutcome.WrongSender => TypedResults.Forbid(authenticationSchemes: [MachineTokens.GrantorScheme]),
                RetourOutcome.UnknownMessage => TypedResults.NotFound(),
                RetourOutcome.AlreadyAnswered => TypedResults.Content("Deze 507 is al beantwoord.", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status409Conflict),
            };
        }
        catch (Retour508Exception invalid)
        {
            return TypedResults.Content(invalid.Message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }
    }

    // Intake, the outbox and retour are system processes: the token (checked by the GrantorToken scheme) decides which
    // grantor may send or fetch, not what they may read.
    private static (int Id, string Code) Caller(HttpContext context, AccessScopeAccessor scope)
    {
        scope.Current = AccessScope.System;
        return MachineTokens.GrantorOf(context.User);
    }

    /// <summary>Reads the body up to the limit; null when it is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}

/// <summary>One entry of a grantor's outbox.</summary>
public sealed record OutboxItem(string Identificatie, string BerichtCode, DateOnly Dagtekening, string Href, bool Opgehaald);
