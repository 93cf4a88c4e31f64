using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Api;

/// <summary>
/// Claims from a provider's own software: <c>POST /api/claims/v1</c> with the provider's bearer token and an
/// <c>Idempotency-Key</c> header. The same key with the same claim answers the stored claim again (200); with another
/// claim 409. A refused claim answers 422 with every rule's Dutch message.
/// </summary>
public static class ClaimsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/claims/v1", SubmitAsync)
            .WithTags("Declaraties")
            .DisableAntiforgery()
            .RequireRateLimiting(IpgbApi.RateLimitPolicy)
            .RequireAuthorization(MachineTokens.ProviderPolicy)
            .WithName("SubmitClaim")
            .WithSummary("Submit one claim (declaratie) for an approved care agreement")
            .Produces<ClaimResponse>(StatusCodes.Status201Created)
            .Produces<ClaimResponse>(StatusCodes.Status200OK)
            .Produces<ClaimProblem>(StatusCodes.Status422UnprocessableEntity)
            .Accepts<ClaimRequest>("application/json")
            .Produces(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>A claim is a few hundred bytes; anything much larger is refused before it is read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The token is checked by the ProviderToken scheme before this runs; the body is read by hand, only up to
    // MaxBodyBytes: an anonymous caller cannot make the server parse megabytes.
    private static async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, UnprocessableEntity<ClaimProblem>, BadRequest<ClaimProblem>, StatusCodeHttpResult>> SubmitAsync(
        HttpContext context,
        ClaimService claims,
        AccessScopeAccessor scope,
        CancellationToken cancellationToken)
    {
        var provider = MachineTokens.ProviderOf(context.User);
        scope.Current = AccessScope.ForCareProvider(provider.Id);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var (tooLarge, request) = await ReadAsync(context.Request.Body, cancellationToken);
        if (tooLarge)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var key = context.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100)
        {
            return TypedResults.BadRequest(new ClaimProblem($"Zet een {IdempotencyHeader} (1 tot 100 tekens) in de kop van het verzoek.", []));
        }

        if (request?.ToInput(key) is not { } input)
        {
            return TypedResults.BadRequest(new ClaimProblem("De declaratie is onvolledig: overeenkomst, zorgfunctie, periode, eenheden (of bedrag), factuurnummer en factuurdatum zijn verplicht.", []));
        }

        try
        {
            var actor = Actor.Provider($"api-{provider.ProviderNumber}", $"{provider.Name} (koppeling)", provider.Id);
            var (claim, repeat) = await claims.SubmitOnceAsync(actor, input, ClaimChannel.Api, cancellationToken);
            return repeat
                ? TypedResults.Ok(ClaimResponse.Of(claim, await claims.StatusOfAsync(claim, cancellationToken)))
                : TypedResults.Created($"/api/claims/v1/{claim.Id}", ClaimResponse.Of(claim, claim.Status));
        }
        catch (ClaimRefusedException refused)
        {
            return TypedResults.UnprocessableEntity(new ClaimProblem("De declaratie is niet ingediend.", [.. refused.Violations.Select(v => new ClaimProblemRule(v.Rule, v.Message))]));
        }
        catch (ClaimKeyReusedException)
        {
            return TypedResults.StatusCode(StatusCodes.Status409Conflict);
        }
        catch (Exception ex) when (ex is NotVisibleException or NotAllowedException)
        {
            return TypedResults.StatusCode(StatusCodes.Status404NotFound);
        }
    }

    private static async Task<(bool TooLarge, ClaimRequest? Request)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (true, null);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        try
        {
            return (false, buffer.Length == 0 ? null : await JsonSerializer.DeserializeAsync<ClaimRequest>(buffer, Json, cancellationToken));
        }
        catch (JsonException)
        {
            // Not JSON, or a number no claim can hold (e.g. 1e300 units): answered as an incomplete claim.
            return (false, null);
        }
    }
}

/// <summary>The JSON body of a claim. Amounts in euro cents; units with at most two decimals.</summary>
public sealed record ClaimRequest(
    [property: JsonPropertyName("overeenkomst")] long Overeenkomst,
    [property: JsonPropertyName("soort")] string? Soort,
    [property: JsonPropertyName("zorgfunctie")] string? Zorgfunctie,
    [property: JsonPropertyName("begindatum")] DateOnly? Begindatum,
    [property: JsonPropertyName("einddatum")] DateOnly? Einddatum,
    [property: JsonPropertyName("eenheden")] decimal? Eenheden,
    [property: JsonPropertyName("bedragCenten")] long? BedragCenten,
    [property: JsonPropertyName("factuurnummer")] string? Factuurnummer,
    [property: JsonPropertyName("factuurdatum")] DateOnly? Factuurdatum)
{
    public ClaimInput? ToInput(string idempotencyKey)
    {
        var kind = Soort?.ToLowerInvariant() switch
        {
            null or "zorg" => ClaimKind.Care,
            "feestdagenuitkering" => ClaimKind.HolidayAllowance,
            _ => (ClaimKind?)null,
        };
        if (kind is null || Overeenkomst <= 0 || Begindatum is not { } start || Einddatum is not { } end || Factuurdatum is not { } invoiceDate
            || string.IsNullOrWhiteSpace(Factuurnummer) || (kind == ClaimKind.Care && (Eenheden is null || string.IsNullOrWhiteSpace(Zorgfunctie)))
            || (kind == ClaimKind.HolidayAllowance && BedragCenten is null))
        {
            return null;
        }

        return new ClaimInput(Overeenkomst, kind.Value, Zorgfunctie ?? string.Empty, start, end, Eenheden ?? 1, BedragCenten, Factuurnummer, invoiceDate, idempotencyKey);
    }
}

public sealed record ClaimResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("bedragCenten")] long BedragCenten,
    [property: JsonPropertyName("factuurnummer")] string Factuurnummer)
{
    public static ClaimResponse Of(Claim claim, ClaimStatus status) => new(claim.Id, status.ToString(), claim.AmountCents, claim.InvoiceNumber);
}

public sealed record ClaimProblemRule([property: JsonPropertyName("regel")] string Regel, [property: JsonPropertyName("melding")] string Melding);

public sealed record ClaimProblem([property: JsonPropertyName("melding")] string Melding, [property: JsonPropertyName("regels")] IReadOnlyList<ClaimProblemRule> Regels);
