using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPgb.Core.Audit;

internal sealed class AccessLogMapping : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName("ux_access_log_sequence");
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Role).HasMaxLength(32).IsRequired();
        builder.Property(e => e.OnBehalfOf).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => new { e.BudgetHolderId, e.OccurredAt }).HasDatabaseName("ix_access_log_budget_holder");
        builder.HasOne<Parties.BudgetHolder>().WithMany().HasForeignKey(e => e.BudgetHolderId).OnDelete(DeleteBehavior.Restrict);
    }
}
