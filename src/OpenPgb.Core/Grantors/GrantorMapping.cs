using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPgb.Core.Grantors;

internal sealed class GrantorMapping : IEntityTypeConfiguration<Grantor>
{
    public void Configure(EntityTypeBuilder<Grantor> builder)
    {
        builder.ToTable("Grantors");
        builder.Property(g => g.Code).HasMaxLength(4).IsRequired();
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Code).IsUnique().HasDatabaseName("ux_grantors_code");
    }
}

internal sealed class ApiTokenMapping : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(8).IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique().HasDatabaseName("ux_api_tokens_secret_hash");
        builder.HasOne(t => t.Grantor).WithMany().HasForeignKey(t => t.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}
