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
        builder.HasOne<Grantor>().WithMany().HasForeignKey(p => p.GrantorId).OnDelete(DeleteBehavior.Restrict);
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
