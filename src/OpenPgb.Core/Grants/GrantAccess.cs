namespace OpenPgb.Core.Grants;

public enum GrantAccessKind
{
    BudgetHolder,
    Representative,
}

/// <summary>
/// One citizen (by BSN) who may see a grant. Kept beside the versions so that the citizen query filter needs no
/// navigation into other filtered entities.
/// </summary>
public sealed class GrantAccess
{
    private GrantAccess()
    {
        Bsn = string.Empty;
    }

    internal GrantAccess(string bsn, GrantAccessKind kind)
    {
        Bsn = bsn;
        Kind = kind;
    }

    public long GrantId { get; private set; }

    public string Bsn { get; private set; }

    public GrantAccessKind Kind { get; private set; }
}
