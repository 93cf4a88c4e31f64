using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.BudgetClosing;

internal sealed class BudgetClosingMapping : IEntityTypeConfiguration<BudgetClosingMessage>
{
    public void Configure(EntityTypeBuilder<BudgetClosingMessage> builder)
    {
        builder.ToTable("BudgetClosingMessages");
        builder.Property(m => m.CareFunctionCode).HasMaxLength(2).IsRequired();
        builder.Property(m => m.Identification).HasMaxLength(12).IsRequired();
        builder.Property(m => m.Xml).IsRequired();
        builder.Property(m => m.RetourCodes).HasMaxLength(200);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(m => m.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Grant>().WithMany().HasForeignKey(m => m.GrantId).OnDelete(DeleteBehavior.Restrict);

        // One 507 per budget, period and reason, however often the job runs.
        builder.HasIndex(m => new { m.GrantId, m.CareFunctionCode, m.PeriodStart, m.PeriodEnd, m.Reason }).IsUnique().HasDatabaseName("ux_budget_closing_once");
        builder.HasIndex(m => new { m.GrantorId, m.RetourReceivedAt, m.Id }).HasDatabaseName("ix_budget_closing_outbox");
        builder.HasIndex(m => m.Identification).HasDatabaseName("ix_budget_closing_identification");
    }
}
