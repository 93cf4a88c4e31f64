using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;

namespace OpenPgb.Web.Pages;

/// <summary>
/// The "van" and "tot" fields of a report's period form: the period asked for, this calendar year when none was, or
/// null with a Dutch error on the field that is wrong.
/// </summary>
public static class ReportPeriodForm
{
    private static readonly string[] Fields = ["van", "tot"];

    public static ReportPeriod? Read(ModelStateDictionary modelState, DateOnly? from, DateOnly? to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var unreadable = Fields.Where(k => modelState[k]?.Errors.Count > 0).ToList();
        foreach (var key in unreadable)
        {
            modelState[key]!.Errors.Clear();
            modelState.AddModelError(key, $"Vul bij '{(key == "van" ? "Van" : "Tot en met")}' een datum in, zoals 31-01-2026.");
        }

        if (unreadable.Count > 0)
        {
            return null;
        }

        try
        {
            return ReportPeriod.Of(from ?? new DateOnly(today.Year, 1, 1), to ?? new DateOnly(today.Year, 12, 31));
        }
        catch (BusinessRuleException refused)
        {
            modelState.AddModelError("tot", refused.Message);
            return null;
        }
    }
}
