using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Core.Access;

/// <summary>Why a query may read past the scope filters. Every member is a reviewed exception to scoping.</summary>
public enum Because
{
    /// <summary>
    /// Names, dates and labels of rows whose ids the caller has just read through its own scope: the provider's name
    /// beside a holder's claim, the execution date of a payment the provider sees. Never a list of its own.
    /// </summary>
    LookupOfIdsReadInScope,

    /// <summary>
    /// A rule that must count rows the actor may not see: a citizen claiming for an informal carer is still checked
    /// against the provider's other claims (overlap, 24 hours a day, invoice numbers) across every grantor.
    /// </summary>
    RuleAcrossScopes,

    /// <summary>The grant behind an agreement the actor sees: a provider may see its agreement, not the grant.</summary>
    GrantOfVisibleAgreement,

    /// <summary>
    /// The ledger accounts of a grant the actor works with: a provider's claim is checked against a budget it cannot
    /// see, a citizen's approval books on the provider's payable account.
    /// </summary>
    BookkeepingOfVisibleGrant,

    /// <summary>A grantor's settings (process choices, maximum tariffs) applied to a row of that grantor the actor sees.</summary>
    SettingsOfVisibleRow,

    /// <summary>
    /// Work without a user: intake, the payment run's bookkeeping, bank feedback, the monthly job, ledger
    /// verification and the access log's hash chain, which must see every row to be right.
    /// </summary>
    SystemProcess,
}

/// <summary>
/// The only place where the scope filters of <see cref="Data.OpenPgbDbContext"/> are switched off. Callers name the
/// reason (<see cref="Because"/>), which is also written into the SQL as a tag, so the exceptions to scoping are few,
/// named and found here; a test fails when <c>IgnoreQueryFilters</c> appears anywhere else.
/// </summary>
/// <remarks>
/// <c>IgnoreQueryFilters</c> switches off every filter of the whole query it is part of, not just of its own table:
/// never combine an unscoped set with a scoped one in one query; read the scoped ids first, then look them up.
/// </remarks>
public static class Unscoped
{
    public static IQueryable<T> Unfiltered<T>(this DbSet<T> set, Because reason)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.IgnoreQueryFilters().TagWith($"unscoped: {reason}");
    }
}
