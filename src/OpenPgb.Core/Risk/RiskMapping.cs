using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Risk;

internal sealed class RiskSignalMapping : IEntityTypeConfiguration<RiskSignal>
{
    public void Configure(EntityTypeBuilder<RiskSignal> builder)
    {
        builder.ToTable("RiskSignals");
        builder.Property(s => s.Subject).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Period).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.EvidenceHash).HasMaxLength(64).IsRequired();
        builder.HasOne<Grantor>().WithMany().HasForeignKey(s => s.GrantorId).OnDelete(DeleteBehavior.Restrict);

        // Two employees deciding at once, or a scan updating a signal being decided: the second save fails.
        builder.Property(s => s.Status).IsConcurrencyToken();
        builder.HasMany(s => s.Evidence).WithOne().HasForeignKey(e => e.RiskSignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Decisions).WithOne().HasForeignKey(d => d.RiskSignalId).OnDelete(DeleteBehavior.Restrict);

        // One undecided signal per indicator, grantor, subject and period: two scans at once cannot raise it twice.
        builder.HasIndex(s => new { s.Indicator, s.GrantorId, s.SubjectKind, s.SubjectId, s.Subject, s.Period })
            .IsUnique().HasFilter("\"Status\" IN ('Open', 'Investigating')").HasDatabaseName("ux_risk_signals_undecided");
        builder.HasIndex(s => new { s.GrantorId, s.Status }).HasDatabaseName("ix_risk_signals_grantor");
    }
}

internal sealed class RiskEvidenceMapping : IEntityTypeConfiguration<RiskEvidence>
{
    public void Configure(EntityTypeBuilder<RiskEvidence> builder)
    {
        builder.ToTable("RiskEvidence");
        builder.Property(e => e.Reference).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Label).HasMaxLength(300).IsRequired();
        builder.HasIndex(e => e.RiskSignalId).HasDatabaseName("ix_risk_evidence_signal");
    }
}

internal sealed class RiskDecisionMapping : IEntityTypeConfiguration<RiskDecision>
{
    public void Configure(EntityTypeBuilder<RiskDecision> builder)
    {
        builder.ToTable("RiskDecisions");
        builder.Property(d => d.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.DecidedBy).HasMaxLength(200).IsRequired();
        builder.Property(d => d.DecidedByUserId).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => d.RiskSignalId).HasDatabaseName("ix_risk_decisions_signal");
    }
}

internal sealed class CareProviderIbanChangeMapping : IEntityTypeConfiguration<CareProviderIbanChange>
{
    public void Configure(EntityTypeBuilder<CareProviderIbanChange> builder)
    {
        builder.ToTable("CareProviderIbanChanges");
        builder.Property(c => c.OldIban).HasMaxLength(34).IsRequired();
        builder.Property(c => c.NewIban).HasMaxLength(34).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<CareProvider>().WithMany().HasForeignKey(c => c.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CareProviderId, c.ChangedAt }).HasDatabaseName("ix_iban_changes_provider");
    }
}
