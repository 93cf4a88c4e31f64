using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Letters;

internal sealed class LetterMapping : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.ToTable("Letters");
        builder.Property(l => l.Subject).HasMaxLength(300).IsRequired();
        builder.Property(l => l.Pdf).IsRequired();
        builder.Property(l => l.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(l => l.PrintedBy).HasMaxLength(200);
        builder.Ignore(l => l.Content);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(l => l.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Grant).WithMany().HasForeignKey(l => l.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BudgetHolder>().WithMany().HasForeignKey(l => l.BudgetHolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareAgreement>().WithMany().HasForeignKey(l => l.CareAgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareAgreementVersion>().WithMany().HasForeignKey(l => l.CareAgreementVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.GrantId, l.CreatedAt }).HasDatabaseName("ix_letters_grant");
        builder.HasIndex(l => new { l.Route, l.PrintStatus }).HasDatabaseName("ix_letters_print_queue");
        builder.Ignore(l => l.IsIntact);
    }
}
