namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>9009: a BudgetidentificatieOud must name a budget this grantor sent before.</summary>
public sealed class PreviousBudgetKeyMustBeKnown : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var (message, context) = check;
        if (message.Budget.PreviousBudgetKey is not null && context.Stored.GrantIdOfPreviousKey is null)
        {
            yield return new(RecordRef.Budget, ReturnCodes.PreviousBudgetKeyUnknown);
        }
    }
}

/// <summary>
/// 9010 (our extension, ADR 0004): a budget key stays with its budget holder, and a re-key may not land on a key
/// that another budget of this grantor already uses.
/// </summary>
public sealed class BudgetKeyMustStayWithItsBudgetHolder : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var (message, context) = check;
        var stored = context.Stored;
        var clientBsn = message.Client.Bsn;
        var keyOfOtherHolder = stored.HolderBsnOfKey is { } holder && holder != clientBsn;
        var previousOfOtherHolder = stored.HolderBsnOfPreviousKey is { } previousHolder && previousHolder != clientBsn;
        var reKeyOntoOtherBudget = stored.GrantIdOfPreviousKey is { } previous
            && stored.GrantIdOfKey is { } current
            && previous != current;
        if (keyOfOtherHolder || previousOfOtherHolder || reKeyOntoOtherBudget)
        {
            yield return new(RecordRef.Budget, ReturnCodes.BudgetKeyConflict);
        }
    }
}
