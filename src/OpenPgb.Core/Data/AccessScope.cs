namespace OpenPgb.Core.Data;

public enum AccessScopeKind
{
    /// <summary>Sees nothing. The default, so a forgotten scope fails closed.</summary>
    None,

    /// <summary>System processes and agency operators: every grantor.</summary>
    System,

    /// <summary>Grantor employees: the grants and messages of their grantor(s).</summary>
    Grantor,

    /// <summary>Citizens: their own grants and the grants they represent.</summary>
    Citizen,

    /// <summary>Care-provider users: the agreements their provider is party to.</summary>
    CareProvider,
}

/// <summary>
/// Whose data a unit of work may see. Enforced once, by query filters in <see cref="OpenPgbDbContext"/>,
/// so a page that forgets a check cannot read another grantor's data.
/// </summary>
public sealed record AccessScope(AccessScopeKind Kind, IReadOnlyList<int> GrantorIds, string? Bsn)
{
    public long? CareProviderId { get; init; }

    public static AccessScope None { get; } = new(AccessScopeKind.None, [], null);

    public static AccessScope System { get; } = new(AccessScopeKind.System, [], null);

    public static AccessScope ForGrantors(IEnumerable<int> grantorIds) => new(AccessScopeKind.Grantor, grantorIds.ToArray(), null);

    public static AccessScope ForCitizen(string bsn) => new(AccessScopeKind.Citizen, [], bsn);

    public static AccessScope ForCareProvider(long careProviderId) => new(AccessScopeKind.CareProvider, [], null) { CareProviderId = careProviderId };
}

/// <summary>Holds the scope of the current request or command; set once after authentication.</summary>
public sealed class AccessScopeAccessor
{
    public AccessScope Current { get; set; } = AccessScope.None;
}
