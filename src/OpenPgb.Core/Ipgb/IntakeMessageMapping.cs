using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Ipgb;

internal sealed class IntakeMessageMapping : IEntityTypeConfiguration<IntakeMessage>
{
    public void Configure(EntityTypeBuilder<IntakeMessage> builder)
    {
        builder.ToTable("IntakeMessages");
        builder.Property(m => m.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Sender).HasMaxLength(20);
        builder.Property(m => m.MessageCode).HasMaxLength(3);
        builder.Property(m => m.Identification).HasMaxLength(40);
        builder.Property(m => m.StandardVersion).HasMaxLength(8);
        builder.Property(m => m.BudgetKey).HasMaxLength(40);
        builder.Property(m => m.ReturnCodes).HasMaxLength(200).IsRequired();
        builder.HasOne<Grantor>().WithMany().HasForeignKey(m => m.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Grant).WithMany().HasForeignKey(m => m.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.ReplayOf).WithMany().HasForeignKey(m => m.ReplayOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GrantorId, m.Id }).HasDatabaseName("ix_intake_messages_grantor");
        builder.HasIndex(m => m.GrantId).HasDatabaseName("ix_intake_messages_grant");
    }
}
