namespace OpenPgb.Core.Common;

/// <summary>
/// A business rule refused an action a user asked for. <see cref="Rule"/> names the rule (for logs and tests);
/// the message is Dutch, for the portal and the CLI. Illegal state transitions are programming errors and throw
/// <see cref="InvalidOperationException"/> instead.
/// </summary>
public class BusinessRuleException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>One or more rules of a <see cref="RuleSet"/> were not met; the message joins them, <see cref="Violations"/> keeps each.</summary>
public class RulesNotMetException(IReadOnlyList<RuleViolation> violations)
    : BusinessRuleException(violations[0].Rule, string.Join(" ", violations.Select(v => v.Message)))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static void ThrowIfAny(IReadOnlyList<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RulesNotMetException(violations);
        }
    }
}
