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
