using OpenPgb.Core.Grantors;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Grants;

/// <summary>
/// A toekenning budget (TKB): one grantor's budget for one budget holder, keyed by Budgetidentificatie.
/// Every accepted 501 makes a new, complete <see cref="GrantVersion"/>; older versions are kept.
/// </summary>
public sealed class Grant
{
    private Grant()
    {
        BudgetKey = string.Empty;
    }

    public Grant(int grantorId, BudgetHolder budgetHolder, string budgetKey, Law law)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budgetKey);
        GrantorId = grantorId;
        BudgetHolder = budgetHolder;
        BudgetKey = budgetKey;
        Law = law;
        Access.Add(new GrantAccess(budgetHolder.Bsn, GrantAccessKind.BudgetHolder));
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public Grantor? Grantor { get; private set; }

    public long BudgetHolderId { get; private set; }

    public BudgetHolder? BudgetHolder { get; private set; }

    public string BudgetKey { get; private set; }

    public Law Law { get; private set; }

    public int CurrentVersionNumber { get; private set; }

    public List<GrantVersion> Versions { get; } = [];

    /// <summary>Who may see this grant as a citizen: the budget holder and the current version's representatives.</summary>
    public List<GrantAccess> Access { get; } = [];

    public GrantVersion? CurrentVersion => Versions.SingleOrDefault(v => v.IsCurrent);

    /// <summary>BudgetidentificatieOud: the grantor renamed this budget's key.</summary>
    public void ReKey(string newKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newKey);
        BudgetKey = newKey;
    }

    /// <summary>
    /// Adds the next full-state version and makes it current. The caller has loaded the current version and the
    /// access rows. Representatives the new version no longer carries lose their access (full-state semantics).
    /// </summary>
    public GrantVersion AddVersion(GrantVersionContent content, Ipgb.IntakeMessage intakeMessage, DateTimeOffset receivedAt)
    {
        foreach (var version in Versions.Where(v => v.IsCurrent))
        {
            version.Supersede();
        }

        CurrentVersionNumber++;
        Law = content.Law;
        var next = new GrantVersion(this, CurrentVersionNumber, content, intakeMessage, receivedAt);
        Versions.Add(next);
        SyncRepresentativeAccess(content.Representatives.Select(r => r.Bsn).ToHashSet(StringComparer.Ordinal));
        return next;
    }

    private void SyncRepresentativeAccess(HashSet<string> representativeBsns)
    {
        Access.RemoveAll(a => a.Kind == GrantAccessKind.Representative && !representativeBsns.Contains(a.Bsn));
        foreach (var bsn in representativeBsns.Where(b => !Access.Any(a => a.Bsn == b)))
        {
            Access.Add(new GrantAccess(bsn, GrantAccessKind.Representative));
        }
    }
}
