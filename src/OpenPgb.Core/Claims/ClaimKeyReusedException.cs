namespace OpenPgb.Core.Claims;

/// <summary>An idempotency key already used by this provider for another claim: answered with 409, nothing stored.</summary>
public sealed class ClaimKeyReusedException(string key) : Exception($"Key '{key}' was used before for another claim.");
