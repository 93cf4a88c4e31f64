using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenPgb.Web.Tests.Support;

/// <summary>An HTTP client that logs in through the real login form and posts forms with their antiforgery token.</summary>
public sealed class PortalClient(HttpClient http, string password, CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public CookieContainer Cookies => cookies;

    public async Task<HttpResponseMessage> LoginAsync(string userName)
    {
        var response = await PostFormAsync("/account/inloggen", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {userName} did not redirect: {response.StatusCode}");
        }

        return response;
    }

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Parser.ParseDocument(html));
    }

    /// <summary>Fetches <paramref name="pageUrl"/>, takes the antiforgery token of its first form, and posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? handler = null, string? formPageUrl = null)
    {
        var (_, page) = await GetPageAsync(formPageUrl ?? pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPageUrl ?? pageUrl}.");
        fields["__RequestVerificationToken"] = token;
        var target = handler is null ? pageUrl : $"{pageUrl}{(pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await http.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public void Dispose() => http.Dispose();
}
