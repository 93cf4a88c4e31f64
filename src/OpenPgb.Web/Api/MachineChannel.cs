namespace OpenPgb.Web.Api;

/// <summary>What the machine channels share: the bearer token (a grantor's or a provider's), its challenge, the XML content type.</summary>
internal static class MachineChannel
{
    private const string Scheme = "Bearer ";

    /// <summary>The presented secret, or null when the request carries no bearer token.</summary>
    public static string? BearerSecret(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.Ordinal) ? header[Scheme.Length..].Trim() : null;
    }

    /// <summary>Marks the 401 the caller returns as a bearer challenge.</summary>
    public static void Challenge(HttpContext context) => context.Response.Headers.WWWAuthenticate = "Bearer";

    public static bool IsXml(HttpContext context) => context.Request.ContentType?.Split(';')[0].Trim() is "application/xml" or "text/xml";
}
