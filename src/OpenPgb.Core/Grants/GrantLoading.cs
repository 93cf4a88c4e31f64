using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Core.Grants;

public static class GrantLoading
{
    /// <summary>A grant with its budget holder and only its current version, with that version's budgets and representatives.</summary>
    public static IQueryable<Grant> WithHolderAndCurrentVersion(this IQueryable<Grant> grants) =>
        grants
            .Include(g => g.BudgetHolder)
            .Include(g => g.Versions.Where(v => v.IsCurrent)).ThenInclude(v => v.CareFunctionBudgets)
            .Include(g => g.Versions.Where(v => v.IsCurrent)).ThenInclude(v => v.Representatives)
            .AsSplitQuery();
}
