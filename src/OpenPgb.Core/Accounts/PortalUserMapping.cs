using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Accounts;

internal sealed class PortalUserMapping : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Bsn).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(u => u.Bsn).HasDatabaseName("ix_users_bsn");
        builder.HasOne<CareProviders.CareProvider>().WithMany().HasForeignKey(u => u.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Grantors).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalUserGrantorMapping : IEntityTypeConfiguration<PortalUserGrantor>
{
    public void Configure(EntityTypeBuilder<PortalUserGrantor> builder)
    {
        builder.ToTable("UserGrantors");
        builder.HasKey(g => new { g.UserId, g.GrantorId });
        builder.HasOne<Grantor>().WithMany().HasForeignKey(g => g.GrantorId).OnDelete(DeleteBehavior.Cascade);
    }
}
