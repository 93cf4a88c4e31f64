using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Access;

/// <summary>How an actor stands to one grant.</summary>
public enum GrantRelation
{
    /// <summary>Not theirs: the grant is not visible at all.</summary>
    None,

    /// <summary>The budget holder.</summary>
    Holder,

    /// <summary>A representative in the current version with read and write rights: acts "namens" the holder.</summary>
    RepresentativeReadWrite,

    /// <summary>A representative in the current version with read rights only.</summary>
    RepresentativeRead,

    /// <summary>A care provider with an agreement on the grant: sees those agreements, not the grant.</summary>
    Provider,

    /// <summary>An employee whose active grantor (chain authorisation picks one at a time) granted it.</summary>
    Employee,

    /// <summary>The payment agency's operator: sees the machine side, acts on no one's behalf.</summary>
    Operator,
}

/// <summary>The facts about a grant that rights depend on, read once from the database (or written in a test).</summary>
public sealed record GrantFacts(int GrantorId, string HolderBsn, string HolderName, IReadOnlyList<(string Bsn, RepresentativeRights Rights)> Representatives, IReadOnlySet<long> ProviderIds)
{
    /// <summary>The facts of a loaded grant (holder and current version included); providers as given.</summary>
    public static GrantFacts Of(Grant grant, IReadOnlySet<long>? providerIds = null)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var holder = grant.BudgetHolder ?? throw new InvalidOperationException($"Grant {grant.Id} was loaded without its budget holder.");
        return new GrantFacts(
            grant.GrantorId,
            holder.Bsn,
            holder.Name.Display,
            [.. (grant.CurrentVersion?.Representatives ?? []).Select(r => (r.Bsn, r.Rights))],
            providerIds ?? new HashSet<long>());
    }
}

/// <summary>
/// What one actor may do with one grant. <see cref="CanSee"/>: read the grant and what hangs on it;
/// <see cref="CanActAsCitizen"/>: what the budget holder does (draft and sign agreements, invite providers, approve and
/// reject claims, claim for an informal carer); <see cref="CanActAsGrantor"/>: what the grantor does (assess, block,
/// release). <see cref="OnBehalfOf"/> is the holder's name when a representative acts, for the access log's "X voor Y".
/// </summary>
public sealed record GrantRights(GrantRelation Relation, bool CanSee, bool CanActAsCitizen, bool CanActAsGrantor, string? OnBehalfOf)
{
    /// <summary>The holder's name when a representative acts, null for the holder; refuses everyone else.</summary>
    public string? RequireCitizenAction(string what) =>
        CanActAsCitizen ? OnBehalfOf : throw new NotAllowedException($"Only the budget holder or a representative with write rights {what}.");

    public void RequireGrantorAction(string what)
    {
        if (!CanActAsGrantor)
        {
            throw new NotAllowedException($"Only an employee of the grantor {what}.");
        }
    }
}

/// <summary>
/// The one model of who may see and who may act on a grant. Services ask it instead of comparing roles and ids
/// themselves; the table of every relation is unit-tested without a database (RightsTests).
/// </summary>
public static class Rights
{
    public static GrantRights RightsOf(Actor actor, GrantFacts grant)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(grant);
        var relation = RelationOf(actor, grant);
        return relation switch
        {
            GrantRelation.Holder => new(relation, CanSee: true, CanActAsCitizen: true, CanActAsGrantor: false, OnBehalfOf: null),
            GrantRelation.RepresentativeReadWrite => new(relation, CanSee: true, CanActAsCitizen: true, CanActAsGrantor: false, OnBehalfOf: grant.HolderName),
            GrantRelation.RepresentativeRead => new(relation, CanSee: true, CanActAsCitizen: false, CanActAsGrantor: false, OnBehalfOf: grant.HolderName),
            GrantRelation.Employee => new(relation, CanSee: true, CanActAsCitizen: false, CanActAsGrantor: true, OnBehalfOf: null),
            GrantRelation.Operator => new(relation, CanSee: true, CanActAsCitizen: false, CanActAsGrantor: false, OnBehalfOf: null),
            GrantRelation.Provider => new(relation, CanSee: false, CanActAsCitizen: false, CanActAsGrantor: false, OnBehalfOf: null),
            _ => new(GrantRelation.None, CanSee: false, CanActAsCitizen: false, CanActAsGrantor: false, OnBehalfOf: null),
        };
    }

    /// <summary>Whether an employee acts for <paramref name="grantorId"/> now (the active grantor of chain authorisation).</summary>
    public static bool IsEmployeeOf(Actor actor, int grantorId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == PortalRole.GrantorEmployee && actor.GrantorId == grantorId;
    }

    /// <summary>The grantor an employee acts for now; refuses everyone else.</summary>
    public static int RequireEmployee(Actor actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is { Role: PortalRole.GrantorEmployee, GrantorId: { } grantorId }
            ? grantorId
            : throw new NotAllowedException($"Only a grantor employee {what}.");
    }

    /// <summary>Refuses anyone but an employee acting for <paramref name="grantorId"/> now.</summary>
    public static void RequireEmployeeOf(Actor actor, int grantorId, string what)
    {
        if (!IsEmployeeOf(actor, grantorId))
        {
            throw new NotAllowedException($"Only an employee of grantor {grantorId} {what}.");
        }
    }

    /// <summary>The provider a provider's user acts for; refuses everyone else.</summary>
    public static long RequireProviderUser(Actor actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is { Role: PortalRole.CareProvider, CareProviderId: { } providerId }
            ? providerId
            : throw new NotAllowedException($"Only a care provider's own user {what}.");
    }

    /// <summary>
    /// Whether reading someone's data is logged for NEN 7513: every read by staff, providers and operators; not the
    /// citizen reading their own budget or the one they represent (the query filters let them see nothing else).
    /// </summary>
    public static bool IsLoggedRead(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role != PortalRole.Citizen;
    }

    /// <summary>Whether a provider's user acts for <paramref name="careProviderId"/>.</summary>
    public static bool IsUserOf(Actor actor, long careProviderId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == PortalRole.CareProvider && actor.CareProviderId == careProviderId;
    }

    private static GrantRelation RelationOf(Actor actor, GrantFacts grant) => actor.Role switch
    {
        PortalRole.Citizen when actor.Bsn is { } bsn && bsn == grant.HolderBsn => GrantRelation.Holder,
        PortalRole.Citizen when actor.Bsn is { } bsn && grant.Representatives.FirstOrDefault(r => r.Bsn == bsn) is { Bsn: not null } representative =>
            representative.Rights == RepresentativeRights.ReadWrite ? GrantRelation.RepresentativeReadWrite : GrantRelation.RepresentativeRead,
        PortalRole.GrantorEmployee when actor.GrantorId == grant.GrantorId => GrantRelation.Employee,
        PortalRole.Operator => GrantRelation.Operator,
        PortalRole.CareProvider when actor.CareProviderId is { } provider && grant.ProviderIds.Contains(provider) => GrantRelation.Provider,
        _ => GrantRelation.None,
    };
}
