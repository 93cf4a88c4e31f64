using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Letters;
using OpenPgb.Core.Parties;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Data;

/// <summary>
/// The one database of OpenPgb. Provider-specific subclasses (<see cref="SqliteOpenPgbDbContext"/>,
/// <see cref="PostgresOpenPgbDbContext"/>) exist only to carry their own migrations; services use this type.
/// </summary>
public abstract class OpenPgbDbContext(DbContextOptions options, AccessScopeAccessor scope) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The installation's data-protection key ring (auth cookies, antiforgery, 2FA tokens): in the database, so every
    /// web node of one installation shares it and no other installation on the machine can read its cookies.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Grantor> Grantors => Set<Grantor>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<BudgetHolder> BudgetHolders => Set<BudgetHolder>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<GrantVersion> GrantVersions => Set<GrantVersion>();

    public DbSet<CareFunction> CareFunctions => Set<CareFunction>();

    public DbSet<IntakeMessage> IntakeMessages => Set<IntakeMessage>();

    public DbSet<PortalUserGrantor> PortalUserGrantors => Set<PortalUserGrantor>();

    public DbSet<CareProvider> CareProviders => Set<CareProvider>();

    public DbSet<CareAgreement> CareAgreements => Set<CareAgreement>();

    public DbSet<CareAgreementVersion> CareAgreementVersions => Set<CareAgreementVersion>();

    public DbSet<MaximumTariff> MaximumTariffs => Set<MaximumTariff>();

    public DbSet<ProcessChoice> ProcessChoices => Set<ProcessChoice>();

    public DbSet<WorkTask> WorkTasks => Set<WorkTask>();

    public DbSet<Risk.RiskSignal> RiskSignals => Set<Risk.RiskSignal>();

    public DbSet<Risk.RiskEvidence> RiskEvidence => Set<Risk.RiskEvidence>();

    public DbSet<Risk.RiskDecision> RiskDecisions => Set<Risk.RiskDecision>();

    public DbSet<CareProviders.CareProviderIbanChange> CareProviderIbanChanges => Set<CareProviders.CareProviderIbanChange>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<AccessLogEntry> AccessLogEntries => Set<AccessLogEntry>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<PayableClaim> PayableClaims => Set<PayableClaim>();

    public DbSet<ProviderApiToken> ProviderApiTokens => Set<ProviderApiToken>();

    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<LedgerTransfer> LedgerTransfers => Set<LedgerTransfer>();

    public DbSet<PaymentBlock> PaymentBlocks => Set<PaymentBlock>();

    public DbSet<PaymentRun> PaymentRuns => Set<PaymentRun>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentItem> PaymentItems => Set<PaymentItem>();

    public DbSet<BudgetClosing.BudgetClosingMessage> BudgetClosingMessages => Set<BudgetClosing.BudgetClosingMessage>();

    public DbSet<Conversion.GrantorConversion> GrantorConversions => Set<Conversion.GrantorConversion>();

    public DbSet<Conversion.Straggler> Stragglers => Set<Conversion.Straggler>();

    public DbSet<Conversion.CarriedOverPayment> CarriedOverPayments => Set<Conversion.CarriedOverPayment>();

    public DbSet<Conversion.OpenDifference> OpenDifferences => Set<Conversion.OpenDifference>();

    public DbSet<Conversion.Tranche> Tranches => Set<Conversion.Tranche>();

    public DbSet<Conversion.TrancheGrantor> TrancheGrantors => Set<Conversion.TrancheGrantor>();

    public DbSet<Conversion.ConversionStepRecord> ConversionSteps => Set<Conversion.ConversionStepRecord>();

    public AccessScope Scope => scope.Current;

    // The query filters read these per query, so one model serves every scope.
    private bool ScopeIsSystem => scope.Current.Kind == AccessScopeKind.System;

    private List<int> ScopeGrantorIds => scope.Current.Kind == AccessScopeKind.Grantor ? [.. scope.Current.GrantorIds] : [];

    private string? ScopeBsn => scope.Current.Kind == AccessScopeKind.Citizen ? scope.Current.Bsn : null;

    private long? ScopeCareProviderId => scope.Current.Kind == AccessScopeKind.CareProvider ? scope.Current.CareProviderId : null;

    /// <summary>Saves and, when access-log rows are among the changes, chains them in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var logRows = ChangeTracker.Entries<AccessLogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (logRows.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AccessLogChain.AppendAsync(this, logRows, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<AccessLogEntry>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Access-log rows are saved with SaveChangesAsync, which chains them.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

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

        // Citizens reach agreements and letters through the unfiltered GrantAccess rows, never through the filtered
        // Grant navigation: that join would hide a provider's agreements, whose scope cannot see the grant.
        builder.Entity<CareAgreement>().HasQueryFilter(a =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(a.GrantorId)
            || (ScopeBsn != null && Set<GrantAccess>().Any(x => x.GrantId == a.GrantId && x.Bsn == ScopeBsn))
            || (ScopeCareProviderId != null && a.CareProviderId == ScopeCareProviderId));

        builder.Entity<CareAgreementVersion>().HasQueryFilter(v =>
            ScopeIsSystem
            || Set<CareAgreement>().Any(a => a.Id == v.CareAgreementId
                && (ScopeGrantorIds.Contains(a.GrantorId)
                    || (ScopeBsn != null && Set<GrantAccess>().Any(x => x.GrantId == a.GrantId && x.Bsn == ScopeBsn))
                    || (ScopeCareProviderId != null && a.CareProviderId == ScopeCareProviderId))));

        builder.Entity<Letter>().HasQueryFilter(l =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(l.GrantorId)
            || (ScopeBsn != null && Set<GrantAccess>().Any(x => x.GrantId == l.GrantId && x.Bsn == ScopeBsn)));

        builder.Entity<WorkTask>().HasQueryFilter(t => ScopeIsSystem || ScopeGrantorIds.Contains(t.GrantorId));
        builder.Entity<MaximumTariff>().HasQueryFilter(t => ScopeIsSystem || ScopeGrantorIds.Contains(t.GrantorId));
        builder.Entity<ProcessChoice>().HasQueryFilter(c => ScopeIsSystem || ScopeGrantorIds.Contains(c.GrantorId));

        // Claims: the grantor's staff, the budget holder and representatives, and the claim's own provider.
        builder.Entity<Claim>().HasQueryFilter(c =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(c.GrantorId)
            || (ScopeBsn != null && Set<GrantAccess>().Any(x => x.GrantId == c.GrantId && x.Bsn == ScopeBsn))
            || (ScopeCareProviderId != null && c.CareProviderId == ScopeCareProviderId));

        // The payment queue is the payment run's: read by the system only (approvals write to it through their claim).
        builder.Entity<PayableClaim>().HasQueryFilter(q => ScopeIsSystem);

        builder.Entity<LedgerAccount>().HasQueryFilter(a =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(a.GrantorId)
            || (ScopeBsn != null && a.GrantId != null && Set<GrantAccess>().Any(x => x.GrantId == a.GrantId && x.Bsn == ScopeBsn))
            || (ScopeCareProviderId != null && a.CareProviderId == ScopeCareProviderId));

        builder.Entity<Payment>().HasQueryFilter(p =>
            ScopeIsSystem || ScopeGrantorIds.Contains(p.GrantorId) || (ScopeCareProviderId != null && p.CareProviderId == ScopeCareProviderId));

        builder.Entity<BudgetClosing.BudgetClosingMessage>().HasQueryFilter(m => ScopeIsSystem || ScopeGrantorIds.Contains(m.GrantorId));

        // Conversions and stragglers are the operators' and the grantor's own; carried-over payments are seen like their claims.
        builder.Entity<Conversion.GrantorConversion>().HasQueryFilter(c => ScopeIsSystem || ScopeGrantorIds.Contains(c.GrantorId));
        builder.Entity<Conversion.OpenDifference>().HasQueryFilter(d => ScopeIsSystem || ScopeGrantorIds.Contains(d.GrantorId));
        builder.Entity<Conversion.Straggler>().HasQueryFilter(s => ScopeIsSystem || ScopeGrantorIds.Contains(s.GrantorId));
        builder.Entity<Conversion.TrancheGrantor>().HasQueryFilter(t => ScopeIsSystem || ScopeGrantorIds.Contains(t.GrantorId));
        builder.Entity<Conversion.ConversionStepRecord>().HasQueryFilter(r => ScopeIsSystem || ScopeGrantorIds.Contains(r.GrantorId));
        builder.Entity<Conversion.CarriedOverPayment>().HasQueryFilter(p =>
            ScopeIsSystem
            || ScopeGrantorIds.Contains(p.GrantorId)
            || (ScopeBsn != null && Set<GrantAccess>().Any(x => x.GrantId == p.GrantId && x.Bsn == ScopeBsn))
            || (ScopeCareProviderId != null && p.CareProviderId == ScopeCareProviderId));

        builder.Entity<PaymentBlock>().HasQueryFilter(b => ScopeIsSystem || ScopeGrantorIds.Contains(b.GrantorId));

        // A risk signal is one grantor's, with only that grantor's part of the evidence (ADR 0017); operators see all.
        builder.Entity<Risk.RiskSignal>().HasQueryFilter(s => ScopeIsSystem || ScopeGrantorIds.Contains(s.GrantorId));
        builder.Entity<Risk.RiskEvidence>().HasQueryFilter(e => ScopeIsSystem || Set<Risk.RiskSignal>().Any(s => s.Id == e.RiskSignalId && ScopeGrantorIds.Contains(s.GrantorId)));
        builder.Entity<Risk.RiskDecision>().HasQueryFilter(d => ScopeIsSystem || Set<Risk.RiskSignal>().Any(s => s.Id == d.RiskSignalId && ScopeGrantorIds.Contains(s.GrantorId)));
        builder.Entity<CareProviders.CareProviderIbanChange>().HasQueryFilter(c => ScopeIsSystem || (ScopeCareProviderId != null && c.CareProviderId == ScopeCareProviderId));

        // Runs, their items and the journal are the operators' (System scope); other roles reach them through the
        // filtered claims, payments and accounts above.
        builder.Entity<PaymentRun>().HasQueryFilter(r => ScopeIsSystem);

        // Citizens read the log about themselves as budget holder; staff never browse it in the portal.
        builder.Entity<AccessLogEntry>().HasQueryFilter(e =>
            ScopeIsSystem
            || (ScopeBsn != null && Set<BudgetHolder>().Any(b => b.Id == e.BudgetHolderId && b.Bsn == ScopeBsn)));
    }
}
