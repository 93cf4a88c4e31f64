using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// The rows an intake batch creates, collected as it decides instead of being handed to the change tracker one by
/// one. On PostgreSQL they go out by COPY and EF never tracks them, so it does not walk them to detect changes (the
/// largest cost of the deciding step in the intake's profile, bench/README); on SQLite EF writes them as usual.
/// </summary>
internal sealed class IntakeAdditions
{
    /// <summary>Every message of the batch: each one is stored, whatever its outcome.</summary>
    public List<IntakeMessage> Intakes { get; } = [];

    public List<BudgetHolder> Holders { get; } = [];

    public List<Grant> Grants { get; } = [];

    /// <summary>New versions of new and of stored grants, each with its care-function budgets and representatives.</summary>
    public List<GrantVersion> Versions { get; } = [];

    public IEnumerable<object> Roots => Intakes.Cast<object>().Concat(Holders).Concat(Grants).Concat(Versions);
}
