using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Data;

/// <summary>
/// The one database of OpenPgb. Provider-specific subclasses (<see cref="SqliteOpenPgbDbContext"/>,
/// <see cref="PostgresOpenPgbDbContext"/>) exist only to carry their own migrations; services use this type.
/// </summary>
public abstract class OpenPgbDbContext(DbContextOptions options, AccessScopeAccessor scope) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Grantor> Grantors => Set<Grantor>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<BudgetHolder> BudgetHolders => Set<BudgetHolder>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<GrantVersion> GrantVersions => Set<GrantVersion>();

    public DbSet<CareFunction> CareFunctions => Set<CareFunction>();

    public DbSet<IntakeMessage> IntakeMessages => Set<IntakeMessage>();

    public DbSet<PortalUserGrantor> PortalUserGrantors => Set<PortalUserGrantor>();

    public AccessScope Scope => scope.Current;

    // The query filters read these per query, so one model serves every scope.
    private bool ScopeIsSystem => scope.Current.Kind == AccessScopeKind.System;

    private List<int> ScopeGrantorIds => scope.Current.Kind == AccessScopeKind.Grantor ? [.. scope.Current.GrantorIds] : [];

    private string? ScopeBsn => scope.Current.Kind == AccessScopeKind.Citizen ? scope.Current.Bsn : null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpenPgbDbContext).Assembly);

        // Filters navigate only into unfiltered tables (GrantAccess) or one level into Grant, never in a cycle.
        builder.Entity<Grant>().HasQueryFilter(g =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(g.GrantorId)
            || (ScopeBsn != null && g.Access.Any(a => a.Bsn == ScopeBsn)));

        builder.Entity<GrantVersion>().HasQueryFilter(v =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(v.Grant!.GrantorId)
            || (ScopeBsn != null && v.Grant!.Access.Any(a => a.Bsn == ScopeBsn)));

        builder.Entity<BudgetHolder>().HasQueryFilter(b =>
            ScopeIsSystem
            || b.Grants.Any(g => ScopeGrantorIds.Contains(g.GrantorId))
            || (ScopeBsn != null && b.Grants.Any(g => g.Access.Any(a => a.Bsn == ScopeBsn))));

        builder.Entity<IntakeMessage>().HasQueryFilter(m =>
            ScopeIsSystem || (m.GrantorId != null && ScopeGrantorIds.Contains(m.GrantorId.Value)));

        builder.Entity<ApiToken>().HasQueryFilter(t => ScopeIsSystem);
    }
}
