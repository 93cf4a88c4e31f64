using OpenPgb.Core.Common;

namespace OpenPgb.Core.Claims;

/// <summary>A claim failed one or more rules; each violation keeps its rule name and Dutch message.</summary>
public sealed class ClaimRefusedException(IReadOnlyList<RuleViolation> violations) : RulesNotMetException(violations);
