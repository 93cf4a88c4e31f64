using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Conversion;

internal sealed class GrantorConversionMapping : IEntityTypeConfiguration<GrantorConversion>
{
    public void Configure(EntityTypeBuilder<GrantorConversion> builder)
    {
        builder.ToTable("GrantorConversions");
        builder.Property(c => c.ManifestSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.ConvertedBy).HasMaxLength(200).IsRequired();

        // One conversion per grantor: a second run, even a concurrent one, cannot add another.
        builder.HasIndex(c => c.GrantorId).IsUnique().HasDatabaseName("ux_grantor_conversions_grantor");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(c => c.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StragglerMapping : IEntityTypeConfiguration<Straggler>
{
    public void Configure(EntityTypeBuilder<Straggler> builder)
    {
        builder.ToTable("Stragglers");
        builder.Property(s => s.Bsn).HasMaxLength(9).IsFixedLength().IsRequired();
        builder.HasIndex(s => new { s.GrantorId, s.Bsn }).IsUnique().HasDatabaseName("ux_stragglers_grantor_bsn");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(s => s.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarriedOverPaymentMapping : IEntityTypeConfiguration<CarriedOverPayment>
{
    public void Configure(EntityTypeBuilder<CarriedOverPayment> builder)
    {
        builder.ToTable("CarriedOverPayments");
        builder.Property(p => p.Pgb1Number).HasMaxLength(40).IsRequired();
        builder.Property(p => p.Iban).HasMaxLength(34).IsRequired();
        builder.Property(p => p.Reference).HasMaxLength(140).IsRequired();

        // A carried-over claim was paid once by the old system.
        builder.HasIndex(p => p.ClaimId).IsUnique().HasDatabaseName("ux_carried_over_payments_claim");
        builder.HasIndex(p => p.GrantId).HasDatabaseName("ix_carried_over_payments_grant");
        builder.HasOne(p => p.Claim).WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Restrict);

        // Grantor, grant and provider are the claim's, copied for the query filters: no foreign keys of their own
        // (ADR 0013); `openpgb ledger verify` holds them to the claim's.
        builder.HasIndex(p => p.GrantorId).HasDatabaseName("IX_CarriedOverPayments_GrantorId");
    }
}

internal sealed class OpenDifferenceMapping : IEntityTypeConfiguration<OpenDifference>
{
    public void Configure(EntityTypeBuilder<OpenDifference> builder)
    {
        builder.ToTable("ConversionDifferences");
        builder.Property(d => d.Kind).HasMaxLength(20).IsRequired();
        builder.Property(d => d.Bsn).HasMaxLength(9).IsRequired();
        builder.Property(d => d.BudgetKey).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Field).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Pgb1Value).HasMaxLength(200).IsRequired();
        builder.Property(d => d.GrantorValue).HasMaxLength(200).IsRequired();
        builder.HasIndex(d => new { d.GrantorId, d.GoneAt }).HasDatabaseName("ix_conversion_differences_grantor");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(d => d.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrancheMapping : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> builder)
    {
        builder.ToTable("Tranches");
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique().HasDatabaseName("ux_tranches_name");
        builder.HasMany(t => t.Grantors).WithOne(g => g.Tranche).HasForeignKey(g => g.TrancheId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrancheGrantorMapping : IEntityTypeConfiguration<TrancheGrantor>
{
    public void Configure(EntityTypeBuilder<TrancheGrantor> builder)
    {
        builder.ToTable("TrancheGrantors");
        builder.Ignore(g => g.IsActive);

        // A grantor is in at most one tranche at a time; the rows it left by postponement stay as history.
        builder.HasIndex(g => g.GrantorId).IsUnique().HasFilter("\"State\" <> 'Postponed'").HasDatabaseName("ux_tranche_grantors_active");
        builder.HasIndex(g => new { g.TrancheId, g.GrantorId }).IsUnique().HasDatabaseName("ux_tranche_grantors_tranche");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(g => g.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tranche>().WithMany().HasForeignKey(g => g.PostponedToTrancheId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConversionStepRecordMapping : IEntityTypeConfiguration<ConversionStepRecord>
{
    public void Configure(EntityTypeBuilder<ConversionStepRecord> builder)
    {
        builder.ToTable("ConversionSteps");
        builder.Property(r => r.Outcome).HasMaxLength(32).IsRequired();
        builder.Property(r => r.By).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Workbook).IsRequired();
        builder.Property(r => r.Files).IsRequired();
        builder.HasIndex(r => new { r.GrantorId, r.Kind, r.Id }).HasDatabaseName("ix_conversion_steps_grantor");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(r => r.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}
