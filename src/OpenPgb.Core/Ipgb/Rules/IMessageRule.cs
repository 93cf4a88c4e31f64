using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>One named rule of the 501. A rule adds its code to the record it concerns, and nothing else.</summary>
public interface IMessageRule
{
    void Check(Message501 message, RuleContext context, RetourFindings findings);
}

/// <summary>What rules may know beyond the message: the date, the code list, and facts looked up in stored state.</summary>
public sealed record RuleContext(
    DateOnly Today,
    CareFunctionCodeList CareFunctions,
    MessageChannel Channel,
    Grantor? Sender,
    StoredBudgetFacts Stored);

/// <summary>Stored state a business rule needs, loaded once per message by the intake service.</summary>
public sealed record StoredBudgetFacts(
    long? GrantIdOfKey,
    string? HolderBsnOfKey,
    long? GrantIdOfPreviousKey,
    string? HolderBsnOfPreviousKey)
{
    public static StoredBudgetFacts None { get; } = new(null, null, null, null);
}
