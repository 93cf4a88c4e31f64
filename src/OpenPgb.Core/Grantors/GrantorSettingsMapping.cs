using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPgb.Core.Grantors;

internal sealed class MaximumTariffMapping : IEntityTypeConfiguration<MaximumTariff>
{
    public void Configure(EntityTypeBuilder<MaximumTariff> builder)
    {
        builder.ToTable("MaximumTariffs");
        builder.Property(t => t.CareFunctionCode).HasMaxLength(2).IsRequired();
        builder.Property(t => t.SetBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Grantor>().WithMany().HasForeignKey(t => t.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.GrantorId, t.CareFunctionCode, t.TariffUnit, t.ValidFrom }).IsUnique().HasDatabaseName("ux_maximum_tariffs_from");
    }
}

internal sealed class ProcessChoiceMapping : IEntityTypeConfiguration<ProcessChoice>
{
    public void Configure(EntityTypeBuilder<ProcessChoice> builder)
    {
        builder.ToTable("ProcessChoices");
        builder.Property(c => c.Value).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(200).IsRequired();
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450);
        builder.Property(c => c.ConfirmedBy).HasMaxLength(200);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(c => c.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.GrantorId, c.Kind }).HasDatabaseName("ix_process_choices_kind");
    }
}
