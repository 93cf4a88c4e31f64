using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenPgb.Core.Common;

namespace OpenPgb.Web.Infrastructure;

internal static class RefusalModelState
{
    /// <summary>
    /// Puts a refusal on the form: each broken rule beside the field it is about (<paramref name="fieldOf"/> answers
    /// the field's key, or empty for the form as a whole), so the error summary lists every reason once.
    /// </summary>
    public static void AddRefusal(this ModelStateDictionary modelState, BusinessRuleException refused, Func<string, string> fieldOf)
    {
        IReadOnlyList<RuleViolation> violations = refused is RulesNotMetException rules ? rules.Violations : [new RuleViolation(refused.Rule, refused.Message)];
        foreach (var violation in violations)
        {
            modelState.AddModelError(fieldOf(violation.Rule), violation.Message);
        }
    }
}
