namespace OpenPgb.Core.Common;

/// <summary>
/// The one shape of a business rule: a named class that looks only at the facts gathered for it (no database, no
/// clock, no exceptions) and returns what it found; nothing found means the rule holds. The caller decides what a
/// finding does: a claim or an agreement is refused with every violation, a 501 gets a 502 with every retour code.
/// Every rule is unit-tested on its facts alone.
/// </summary>
public interface IRule<in TFacts, out TFinding>
{
    IEnumerable<TFinding> Check(TFacts facts);
}

/// <summary>A rule that was not met, named after its class, with its Dutch message for the portal, the API and the CLI.</summary>
public sealed record RuleViolation(string Rule, string Message);

/// <summary>A rule that can fail in one way only: it answers the Dutch message, or null when it holds.</summary>
public abstract class SingleMessageRule<TFacts> : IRule<TFacts, RuleViolation>
{
    public IEnumerable<RuleViolation> Check(TFacts facts) =>
        Violation(facts) is { } message ? [new RuleViolation(GetType().Name, message)] : [];

    protected abstract string? Violation(TFacts facts);
}

public static class RuleSet
{
    /// <summary>Every finding of every rule, in the rules' order: a refusal lists all its reasons at once.</summary>
    public static IReadOnlyList<TFinding> FindingsOf<TFacts, TFinding>(IEnumerable<IRule<TFacts, TFinding>> rules, TFacts facts) =>
        [.. rules.SelectMany(rule => rule.Check(facts))];
}
