using System.Text.RegularExpressions;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// Pages link and redirect by page name (asp-page, RedirectToPage, Url.Page), never by a written-out portal address:
/// a page's URL lives in its @page line only, so go-to-definition reaches it and a renamed route breaks the build or
/// this test, not a user's click.
/// </summary>
public sealed partial class TypedNavigationTests
{
    [Fact]
    public void PagesAndLayouts_NeitherLinkNorRedirectToALiteralAddress()
    {
        var root = Checkout.Root;
        var web = Path.Combine(root, "src", "OpenPgb.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => LiteralNavigation().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("use asp-area/asp-page, RedirectToPage or Url.Page instead of a written-out address");
    }

    [Theory]
    [InlineData("<a href=\"/budgethouder/declaraties\">", true)]
    [InlineData("<form method=\"post\" action=\"/account/uitloggen\">", true)]
    [InlineData("return Redirect(\"/verstrekker\");", true)]
    [InlineData("return Redirect($\"/verstrekker/brief/{id}\");", true)]
    [InlineData("data-progress-url=\"/beheer/betaalruns?handler=Voortgang\"", true)]
    [InlineData("<a asp-area=\"Budgethouder\" asp-page=\"/Declaraties\">", false)]
    [InlineData("<link rel=\"stylesheet\" href=\"~/css/site.css\" />", false)]
    public void TheCheck_RecognisesLiteralAddresses(string line, bool literal) => LiteralNavigation().IsMatch(line).ShouldBe(literal);

    // An href, form action, data-*-url or Redirect(...) whose value starts with one of the portal's own path roots.
    [GeneratedRegex("""(href|action|data-[a-z-]*url)="/(budgethouder|verstrekker|zorgverlener|beheer|vertegenwoordiger|account|fout)?[/"?]|Redirect\(\$?"/""")]
    private static partial Regex LiteralNavigation();
}
