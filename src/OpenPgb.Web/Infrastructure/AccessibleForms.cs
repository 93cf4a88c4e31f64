using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenPgb.Web.Infrastructure;

/// <summary>
/// WCAG 3.3.1 and 3.3.3 for every form: a field with an error says so (<c>aria-invalid</c>) and points at its message
/// (<c>aria-describedby</c>), which carries the id <c>{field id}-fout</c> so the summary can link to the field.
/// Runs after the framework's tag helpers, so the field's id is already set.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!AccessibleForms.HasError(ViewContext.ModelState, name))
        {
            return;
        }

        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value.ToString()! : AccessibleForms.IdOf(name);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{id}-fout {existing.Value}" : $"{id}-fout";
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}

/// <summary>
/// The same for fields written by hand with a <c>name</c> (no <c>asp-for</c>): their ModelState key is the name, and
/// their id must be the framework's id of that name (<c>Form.PeriodStart</c> → <c>Form_PeriodStart</c>) so the error
/// summary can link to them. Radio buttons and check boxes are named by their group's fieldset instead.
/// </summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class InvalidNamedFieldTagHelper : TagHelper
{
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? typeAttribute.Value?.ToString() : null;
        if (context.AllAttributes.ContainsName("asp-for") || type is "hidden" or "radio" or "checkbox"
            || output.Attributes["name"]?.Value?.ToString() is not { } name || !AccessibleForms.HasError(ViewContext.ModelState, name))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{AccessibleForms.IdOf(name)}-fout {existing.Value}" : $"{AccessibleForms.IdOf(name)}-fout";
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}

/// <summary><c>&lt;field-error name="Form.PeriodStart" /&gt;</c>: the message of a hand-written field, only when there is one.</summary>
[HtmlTargetElement("field-error", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NamedFieldErrorTagHelper : TagHelper
{
    public string Name { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!ViewContext.ModelState.TryGetValue(Name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", AccessibleForms.IdOf(Name) + "-fout");
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetHtmlContent("<span class=\"visually-hidden\">Fout: </span>");
        output.Content.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}

/// <summary>The field's own message gets the id the field points at, and is rendered only when there is one.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!AccessibleForms.HasError(ViewContext.ModelState, name))
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", AccessibleForms.IdOf(name) + "-fout");
        output.Attributes.SetAttribute("class", "field-error");
        output.PreContent.SetHtmlContent("<span class=\"visually-hidden\">Fout: </span>");
    }
}

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: nothing when the form is valid (no empty red box); otherwise a titled list of every
/// error, each linking to its field, which takes the focus when the page loads (WCAG 3.3.1, 2.4.3).
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, Message: string.IsNullOrEmpty(error.ErrorMessage) ? "Deze waarde is ongeldig." : error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-error error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("id", "foutmeldingen");
        output.Attributes.SetAttribute("data-testid", "error-summary");
        var list = new TagBuilder("ul");
        foreach (var (key, message) in errors)
        {
            var item = new TagBuilder("li");
            if (key.Length > 0)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + AccessibleForms.IdOf(key);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            else
            {
                item.InnerHtml.Append(message);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.SetHtmlContent($"<h2 class=\"error-summary-title\">{(errors.Count == 1 ? "Er is een fout" : $"Er zijn {errors.Count} fouten")}</h2>");
        output.Content.AppendHtml(list);
    }
}

public static class AccessibleForms
{
    /// <summary>The id the framework gives the field named <paramref name="fullName"/>.</summary>
    public static string IdOf(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static bool HasError(ModelStateDictionary state, string fullName) =>
        state.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
}

/// <summary>
/// WCAG 1.4.10 reflow: a data table keeps its two-dimensional layout and scrolls sideways inside its own region, never
/// the whole page. The region is focusable (keyboard users can scroll it) and named after the table's caption.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class ScrollingTableTagHelper : TagHelper
{
    private static readonly System.Text.RegularExpressions.Regex Caption = new("<caption[^>]*>(.*?)</caption>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly System.Text.RegularExpressions.Regex Tags = new("<[^>]+>", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!(output.Attributes["class"]?.Value?.ToString() ?? string.Empty).Split(' ').Contains("table", StringComparer.Ordinal))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption.Match(content) is { Success: true } match ? System.Net.WebUtility.HtmlDecode(Tags.Replace(match.Groups[1].Value, string.Empty)).Trim() : "Tabel";
        output.PreElement.SetHtmlContent($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{System.Net.WebUtility.HtmlEncode(caption)}\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
