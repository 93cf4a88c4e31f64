using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.CareAgreements;

internal sealed class CareAgreementMapping : IEntityTypeConfiguration<CareAgreement>
{
    public void Configure(EntityTypeBuilder<CareAgreement> builder)
    {
        builder.ToTable("CareAgreements");
        builder.Property(a => a.EndReason).HasMaxLength(500);
        builder.HasOne(a => a.Grant).WithMany().HasForeignKey(a => a.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(a => a.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BudgetHolder>().WithMany().HasForeignKey(a => a.BudgetHolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareProvider>().WithMany().HasForeignKey(a => a.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Versions).WithOne(v => v.CareAgreement).HasForeignKey(v => v.CareAgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.GrantId).HasDatabaseName("ix_care_agreements_grant");
        builder.HasIndex(a => a.CareProviderId).HasDatabaseName("ix_care_agreements_provider");
        builder.HasIndex(a => a.GrantorId).HasDatabaseName("ix_care_agreements_grantor");
        builder.Property(a => a.Pgb1Number).HasMaxLength(40);
        builder.HasIndex(a => new { a.GrantorId, a.Pgb1Number }).IsUnique().HasFilter("\"Pgb1Number\" IS NOT NULL").HasDatabaseName("ux_care_agreements_pgb1");
        builder.Ignore(a => a.PendingVersion);
        builder.Ignore(a => a.ApprovedVersion);
        builder.Ignore(a => a.LatestVersion);
        builder.Ignore(a => a.ShownVersion);
        builder.Ignore(a => a.Status);
    }
}

internal sealed class CareAgreementVersionMapping : IEntityTypeConfiguration<CareAgreementVersion>
{
    public void Configure(EntityTypeBuilder<CareAgreementVersion> builder)
    {
        builder.ToTable("CareAgreementVersions");
        builder.HasIndex(v => new { v.CareAgreementId, v.Number }).IsUnique().HasDatabaseName("ux_care_agreement_versions_number");
        builder.HasIndex(v => v.Status).HasDatabaseName("ix_care_agreement_versions_status");
        builder.Property(v => v.CareFunctionCodes).IsRequired();
        builder.Property(v => v.ThirdPartyClause).HasMaxLength(1000).IsRequired();
        builder.Property(v => v.SignedByHolderName).HasMaxLength(300);
        builder.Property(v => v.SignedByProviderName).HasMaxLength(300);
        builder.Property(v => v.DecisionReasonCode).HasMaxLength(2);
        builder.Property(v => v.DecisionText).HasMaxLength(2000);
        builder.Property(v => v.AssessedByUserId).HasMaxLength(450);
        builder.Property(v => v.AssessedByName).HasMaxLength(200);
        builder.Property(v => v.ConfirmedByUserId).HasMaxLength(450);
        builder.Property(v => v.ConfirmedByName).HasMaxLength(200);
        builder.Ignore(v => v.Terms);
        builder.Ignore(v => v.IsPending);
    }
}

internal sealed class CareProviderMapping : IEntityTypeConfiguration<CareProvider>
{
    public void Configure(EntityTypeBuilder<CareProvider> builder)
    {
        builder.ToTable("CareProviders");
        builder.Property(p => p.ProviderNumber).HasMaxLength(10).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.KvkNumber).HasMaxLength(8);
        builder.Property(p => p.AgbCode).HasMaxLength(8);
        builder.Property(p => p.VatNumber).HasMaxLength(14);
        builder.Property(p => p.Iban).HasMaxLength(34).IsRequired();
        builder.Property(p => p.InvitationCode).HasMaxLength(12);
        builder.ComplexProperty(p => p.Address, a =>
        {
            a.Property(x => x.Street).HasColumnName("Street").HasMaxLength(100);
            a.Property(x => x.HouseNumber).HasColumnName("HouseNumber").HasMaxLength(20);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(6);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
        });
        builder.HasIndex(p => p.ProviderNumber).IsUnique().HasDatabaseName("ux_care_providers_number");
        builder.HasIndex(p => p.KvkNumber).HasDatabaseName("ix_care_providers_kvk");
        builder.HasIndex(p => p.InvitationCode).IsUnique().HasDatabaseName("ux_care_providers_invitation");
        builder.HasIndex(p => p.Iban).HasDatabaseName("ix_care_providers_iban");
        builder.Property(p => p.Pgb1Number).HasMaxLength(40);
        builder.Ignore(p => p.IsRegistrationComplete);
    }
}

internal sealed class ProviderApiTokenMapping : IEntityTypeConfiguration<ProviderApiToken>
{
    public void Configure(EntityTypeBuilder<ProviderApiToken> builder)
    {
        builder.ToTable("ProviderApiTokens");
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(4).IsRequired();
        builder.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<CareProvider>().WithMany().HasForeignKey(t => t.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.SecretHash).IsUnique().HasDatabaseName("ux_provider_api_tokens_hash");
    }
}
