using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OpenPgb.Core.Demo;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>
/// Signs in as one user through the login form and goes where that user can go: every link of every menu and page
/// reached, every search form, and then every button of every POST form, filled the way a hurried user would fill
/// it. Records what answered wrongly: a link that is not a page (anything but 200 after redirects), a form that the
/// server cannot take (400: e.g. a missing antiforgery token), a form offered to a user who may not use it (403), and
/// any 5xx. Each page template (ids replaced by {n}) is visited at most <see cref="InstancesPerTemplate"/> times.
/// </summary>
public sealed partial class PortalCrawler(Uri baseAddress)
{
    public const int InstancesPerTemplate = 2;
    private const int MaxRequests = 600;

    private static readonly HtmlParser Parser = new();

    public sealed record Finding(string Method, string Url, int Status, string Detail)
    {
        public override string ToString() => $"{Method} {Url} → {Status} {Detail}";
    }

    public sealed class Report
    {
        public List<Finding> Findings { get; } = [];

        /// <summary>One URL per page template reached with 200 (HTML only), for checks that need a page per kind.</summary>
        public Dictionary<string, string> Pages { get; } = [];

        public int Requests { get; set; }

        /// <summary>Each form submitted: its action and status.</summary>
        public List<string> FormsSubmitted { get; } = [];
    }

    private sealed record FormSubmission(string Page, string Action, List<KeyValuePair<string, string>> Fields)
    {
        public string Key => Template(Action) + " " + string.Join('&', Fields.Where(f => f.Key != AntiforgeryField).Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>Crawls as <paramref name="userName"/>; with <paramref name="submitForms"/> false only links and search forms are followed.</summary>
    public async Task<Report> CrawlAsync(string userName, bool submitForms = true)
    {
        var report = new Report();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        await LoginAsync(http, userName);

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, FormSubmission>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "login"));
        while (queue.Count > 0 && report.Requests < MaxRequests)
        {
            var (url, from) = queue.Dequeue();
            if (!visited.Add(url))
            {
                continue;
            }

            var template = Template(url);
            var seen = perTemplate.GetValueOrDefault(template);
            if (seen >= InstancesPerTemplate)
            {
                continue;
            }

            perTemplate[template] = seen + 1;
            var (status, finalUrl, document) = await GetFollowingAsync(http, url, report);
            if (status != 200)
            {
                report.Findings.Add(new("GET", url, status, $"(linked from {from}{(finalUrl != url ? $", ended at {finalUrl}" : string.Empty)})"));
                continue;
            }

            if (document is null)
            {
                continue;
            }

            report.Pages.TryAdd(Template(finalUrl), finalUrl);
            foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
            {
                if (Local(link.GetAttribute("href")!, finalUrl) is { } target && !IsLogout(target))
                {
                    queue.Enqueue((target, finalUrl));
                }
            }

            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                foreach (var submission in Submissions(form, finalUrl))
                {
                    if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
                    {
                        var query = string.Join('&', submission.Fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
                        queue.Enqueue((submission.Action.Split('?')[0] + (query.Length > 0 ? "?" + query : string.Empty), finalUrl));
                    }
                    else if (!IsLogout(submission.Action))
                    {
                        forms.TryAdd(submission.Key, submission);
                    }
                }
            }
        }

        foreach (var submission in submitForms ? forms.Values.ToList() : [])
        {
            await SubmitAsync(http, submission, report);
        }

        return report;
    }

    /// <summary>A page path with every number replaced, and the query's keys without their values.</summary>
    public static string Template(string url)
    {
        var parts = url.Split('?', 2);
        var path = Digits().Replace(parts[0], "{n}");
        if (parts.Length == 1)
        {
            return path;
        }

        var keys = parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => p[0] == "handler" && p.Length > 1 ? $"handler={p[1]}" : p[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', keys);
    }

    private static async Task LoginAsync(HttpClient http, string userName)
    {
        var login = Parser.ParseDocument(await http.GetStringAsync(new Uri("/account/inloggen", UriKind.Relative)));
        var token = login.QuerySelector($"form[method=post] input[name={AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The login page has no antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = DemoDataSeeder.DemoPassword,
            [AntiforgeryField] = token,
        });
        using var response = await http.PostAsync(new Uri("/account/inloggen", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {userName} answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<(int Status, string FinalUrl, IHtmlDocument? Document)> GetFollowingAsync(HttpClient http, string url, Report report)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            report.Requests++;
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307)
            {
                var location = response.Headers.Location!;
                var next = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                if (next.StartsWith("/account/inloggen", StringComparison.Ordinal))
                {
                    return (401, next, null);
                }

                url = next;
                continue;
            }

            var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
            return (status, url, status == 200 && isHtml ? Parser.ParseDocument(await response.Content.ReadAsStringAsync()) : null);
        }

        return (310, url, null);
    }

    private static async Task SubmitAsync(HttpClient http, FormSubmission submission, Report report)
    {
        report.Requests++;
        using var content = new FormUrlEncodedContent(submission.Fields);
        using var response = await http.PostAsync(new Uri(submission.Action, UriKind.Relative), content);
        var status = (int)response.StatusCode;
        var fields = string.Join(", ", submission.Fields.Where(f => f.Key != AntiforgeryField).Select(f => $"{f.Key}={f.Value}"));
        report.FormsSubmitted.Add($"POST {submission.Action} → {status}");
        if (status >= 500 || status is 400 or 403)
        {
            report.Findings.Add(new("POST", submission.Action, status, $"(form on {submission.Page}; {fields})"));
            return;
        }

        if (status is 302 or 303 && response.Headers.Location is { } location)
        {
            var next = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            if (next.StartsWith('/') && !IsLogout(next))
            {
                var (after, finalUrl, _) = await GetFollowingAsync(http, next, report);
                if (after != 200)
                {
                    report.Findings.Add(new("GET", next, after, $"(after POST {submission.Action}{(finalUrl != next ? $", ended at {finalUrl}" : string.Empty)})"));
                }
            }
        }
    }

    private IEnumerable<FormSubmission> Submissions(IHtmlFormElement form, string pageUrl)
    {
        if (form.QuerySelector("input[type=file]") is not null)
        {
            // Uploads are multipart with a chosen file; their pages are tested with real files elsewhere.
            yield break;
        }

        var fields = Fields(form);
        var formAction = Local(form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl, pageUrl) ?? pageUrl;
        var submitters = form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => (b.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (submitters.Count == 0)
        {
            yield return new FormSubmission(pageUrl, formAction, fields);
            yield break;
        }

        foreach (var submitter in submitters)
        {
            var action = submitter.GetAttribute("formaction") is { Length: > 0 } fa ? Local(fa, pageUrl) ?? formAction : formAction;
            var own = new List<KeyValuePair<string, string>>(fields);
            if (submitter.GetAttribute("name") is { Length: > 0 } name)
            {
                own.Add(new(name, submitter.GetAttribute("value") ?? string.Empty));
            }

            yield return new FormSubmission(pageUrl, action, own);
        }
    }

    /// <summary>What a browser would send, with every empty field given a plausible value of its type.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var today = DateTime.Today;
        var fields = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    switch (type)
                    {
                        case "submit" or "button" or "reset" or "image" or "file":
                            continue;
                        case "checkbox":
                            if (input.HasAttribute("checked"))
                            {
                                fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                            }

                            continue;
                        case "radio":
                            var checkedOne = form.QuerySelector($"input[type=radio][name='{name}'][checked]") ?? form.QuerySelector($"input[type=radio][name='{name}']");
                            if (radios.Add(name) && checkedOne is not null)
                            {
                                fields.Add(new(name, checkedOne.GetAttribute("value") ?? "on"));
                            }

                            continue;
                    }

                    var value = input.GetAttribute("value");
                    fields.Add(new(name, string.IsNullOrEmpty(value) && type != "hidden" ? Plausible(type, name, input.GetAttribute("min"), today) : value ?? string.Empty));
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelector("option[selected]") ?? select.QuerySelectorAll("option").FirstOrDefault(o => !string.IsNullOrEmpty(o.GetAttribute("value")));
                    fields.Add(new(name, option?.GetAttribute("value") ?? option?.TextContent ?? string.Empty));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, string.IsNullOrEmpty(textArea.Value) ? "Ingevuld door de crawler" : textArea.Value));
                    break;
            }
        }

        return fields;
    }

    private static string Plausible(string type, string name, string? min, DateTime today) => type switch
    {
        "date" => (min is { Length: > 0 } ? min : today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        "month" => today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "number" => min is { Length: > 0 } ? min : "1",
        "email" => "crawler@example.org",
        "tel" => "0201234567",
        "password" => "Crawler-wachtwoord-2026",
        _ when name.Contains("iban", StringComparison.OrdinalIgnoreCase) => "NL91ABNA0417164300",
        _ when name.Contains("code", StringComparison.OrdinalIgnoreCase) => "123456",
        _ => "Crawler",
    };

    private string? Local(string href, string currentUrl)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var absolute = new Uri(new Uri(baseAddress, currentUrl), href);
        if (absolute.Scheme != baseAddress.Scheme || absolute.Authority != baseAddress.Authority)
        {
            return null;
        }

        return absolute.PathAndQuery;
    }

    private static bool IsLogout(string url) => url.StartsWith("/account/uitloggen", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
