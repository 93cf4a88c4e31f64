using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>TR002 (9002): a care-function budget's Einddatum is not before its Begindatum.</summary>
public sealed class EndDateMustNotPrecedeStartDate : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        var budgets = message.Budget.CareFunctionBudgets;
        for (var i = 0; i < budgets.Count; i++)
        {
            if (budgets[i].EndDate < budgets[i].StartDate)
            {
                yield return new(RecordRef.CareFunctionBudget(i), ReturnCodes.EndBeforeStart);
            }
        }
    }
}

/// <summary>TR003 (9003): the care function is in code list WMO022 on the budget's Begindatum.</summary>
public sealed class CareFunctionMustBeInCodeList : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var (message, context) = check;
        var budgets = message.Budget.CareFunctionBudgets;
        for (var i = 0; i < budgets.Count; i++)
        {
            if (!context.CareFunctions.IsValidOn(budgets[i].CareFunction, budgets[i].StartDate))
            {
                yield return new(RecordRef.CareFunctionBudget(i), ReturnCodes.CareFunctionNotInCodeList);
            }
        }
    }
}

/// <summary>TR004 (9004): care function 99 (whole package) is never combined with another care function.</summary>
public sealed class WholePackageMustStandAlone : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        var codes = message.Budget.CareFunctionBudgets.Select(b => b.CareFunction).Distinct().ToList();
        if (codes.Contains(CareFunctionCodes.WholePackage) && codes.Count > 1)
        {
            yield return new(RecordRef.Budget, ReturnCodes.WholePackageCombined);
        }
    }
}

/// <summary>TR005 (9005): a Wlz budget (care office) uses care function 99 only.</summary>
public sealed class WlzBudgetMustUseWholePackage : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        if (message.Budget.Law != Law.Wlz)
        {
            yield break;
        }

        var budgets = message.Budget.CareFunctionBudgets;
        for (var i = 0; i < budgets.Count; i++)
        {
            if (budgets[i].CareFunction != CareFunctionCodes.WholePackage)
            {
                yield return new(RecordRef.CareFunctionBudget(i), ReturnCodes.WlzNotWholePackage);
            }
        }
    }
}

/// <summary>TR006 (9006): the amount is positive and the Verantwoordingsvrijbedrag, if any, is between 0 and the amount.</summary>
public sealed class AmountsMustBePositive : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        var budgets = message.Budget.CareFunctionBudgets;
        for (var i = 0; i < budgets.Count; i++)
        {
            var b = budgets[i];
            if (b.AmountCents <= 0 || b.UnaccountableCents < 0 || b.UnaccountableCents > b.AmountCents)
            {
                yield return new(RecordRef.CareFunctionBudget(i), ReturnCodes.AmountNotPositive);
            }
        }
    }
}

/// <summary>
/// TR007 (9007): budgets of one care function do not overlap in time. The later-starting budget of an overlapping
/// pair carries the code, so the grantor sees which one to correct.
/// </summary>
public sealed class CareFunctionPeriodsMustNotOverlap : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        var budgets = message.Budget.CareFunctionBudgets;
        for (var i = 0; i < budgets.Count; i++)
        {
            for (var j = 0; j < budgets.Count; j++)
            {
                if (i == j || budgets[i].CareFunction != budgets[j].CareFunction)
                {
                    continue;
                }

                var overlaps = budgets[i].StartDate <= budgets[j].EndDate && budgets[j].StartDate <= budgets[i].EndDate;
                var iIsLater = budgets[i].StartDate > budgets[j].StartDate || (budgets[i].StartDate == budgets[j].StartDate && i > j);
                if (overlaps && iIsLater)
                {
                    yield return new(RecordRef.CareFunctionBudget(i), ReturnCodes.PeriodsOverlap);
                }
            }
        }
    }
}
