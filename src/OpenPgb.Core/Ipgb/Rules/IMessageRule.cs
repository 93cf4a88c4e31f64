using OpenPgb.Core.Common;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>One named rule of the 501: it returns a retour code for each record it concerns, and nothing else.</summary>
public interface IMessageRule : IRule<MessageCheck, RetourFinding>;

/// <summary>The facts a 501 rule looks at: the message and what the intake knows beyond it.</summary>
public sealed record MessageCheck(Message501 Message, RuleContext Context);

/// <summary>A retour code on one record of the message.</summary>
public readonly record struct RetourFinding(RecordRef Record, string Code);

/// <summary>What rules may know beyond the message: the date, the code list, and facts looked up in stored state.</summary>
public sealed record RuleContext(
    DateOnly Today,
    CareFunctionCodeList CareFunctions,
    MessageChannel Channel,
    Grantor? Sender,
    StoredBudgetFacts Stored);

/// <summary>
/// Stored state a business rule needs, loaded once per message by the intake service (for a whole batch at once, on
/// both the one-by-one and the batched path). <paramref name="ClientStaysInPgb1"/>: the sender's conversion left this
/// client behind on the old system.
/// </summary>
public sealed record StoredBudgetFacts(
    long? GrantIdOfKey,
    string? HolderBsnOfKey,
    long? GrantIdOfPreviousKey,
    string? HolderBsnOfPreviousKey,
    bool ClientStaysInPgb1 = false)
{
    public static StoredBudgetFacts None { get; } = new(null, null, null, null);
}
