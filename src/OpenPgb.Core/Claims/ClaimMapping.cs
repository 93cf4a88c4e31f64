using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;

namespace OpenPgb.Core.Claims;

internal sealed class ClaimMapping : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("Claims", t =>
        {
            t.HasCheckConstraint("ck_claims_amount_positive", "\"AmountCents\" > 0");
            t.HasCheckConstraint("ck_claims_period", "\"PeriodEnd\" >= \"PeriodStart\"");
        });
        builder.Property(c => c.CareFunctionCode).HasMaxLength(2).IsRequired();
        builder.Property(c => c.BudgetCode).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Units).HasPrecision(9, 2);
        builder.Property(c => c.InvoiceNumber).HasMaxLength(35).IsRequired();
        builder.Property(c => c.SubmittedBy).HasMaxLength(200).IsRequired();
        builder.Property(c => c.DecidedBy).HasMaxLength(200);
        builder.Property(c => c.RejectionReason).HasMaxLength(500);
        builder.Property(c => c.HoldReason).HasMaxLength(200);
        builder.Property(c => c.ReleasedBy).HasMaxLength(200);
        builder.Property(c => c.ExternalKey).HasMaxLength(100);
        // A claim belongs to an agreement version; its grant, grantor, budget holder and provider are copies of the
        // agreement's, made by the claim's factories, for the query filters and indexes. Foreign keys on those copies
        // were checked per inserted row (a lookup and a parent row lock each) and guaranteed nothing the agreement's
        // key does not; `openpgb ledger verify` checks that the copies equal the agreement's (ADR 0013).
        builder.HasOne<CareAgreement>().WithMany().HasForeignKey(c => c.CareAgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareAgreementVersion>().WithMany().HasForeignKey(c => c.CareAgreementVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.GrantId).HasDatabaseName("IX_Claims_GrantId");
        builder.HasIndex(c => c.GrantorId).HasDatabaseName("IX_Claims_GrantorId");

        // The payment run selects approved claims; the overview lists a holder's claims; checks look at an agreement's.
        builder.HasIndex(c => new { c.Status, c.GrantorId }).HasDatabaseName("ix_claims_status");
        builder.HasIndex(c => new { c.BudgetHolderId, c.Status }).HasDatabaseName("ix_claims_holder");
        builder.HasIndex(c => new { c.CareAgreementId, c.PeriodStart }).HasDatabaseName("ix_claims_agreement");
        builder.HasIndex(c => new { c.CareProviderId, c.SubmittedAt }).HasDatabaseName("ix_claims_provider");
        // Claims carried over from PGB1 keep their invoice numbers as the old system had them (one invoice could cover several).
        builder.HasIndex(c => new { c.CareProviderId, c.InvoiceNumber }).IsUnique().HasFilter("\"Channel\" <> 'Conversion'").HasDatabaseName("ux_claims_invoice");
        builder.HasIndex(c => new { c.CareProviderId, c.ExternalKey }).IsUnique().HasFilter("\"ExternalKey\" IS NOT NULL").HasDatabaseName("ux_claims_external_key");
    }
}

internal sealed class PayableClaimMapping : IEntityTypeConfiguration<PayableClaim>
{
    public void Configure(EntityTypeBuilder<PayableClaim> builder)
    {
        // The payment queue: only the claims waiting for a run, deleted as they are paid. Its key is the claim's; no
        // other index, since the run reads the whole queue and approvals write one row each (ADR 0015).
        builder.ToTable("PayableClaims", t => t.HasCheckConstraint("ck_payable_claims_amount_positive", "\"AmountCents\" > 0"));
        builder.HasKey(q => q.ClaimId);
        builder.Property(q => q.ClaimId).ValueGeneratedNever();
        builder.Property(q => q.BudgetCode).HasMaxLength(2).IsRequired();
        builder.HasOne<Claim>().WithOne(c => c.Payable).HasForeignKey<PayableClaim>(q => q.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimUploadMapping : IEntityTypeConfiguration<ClaimUpload>
{
    public void Configure(EntityTypeBuilder<ClaimUpload> builder)
    {
        builder.ToTable("ClaimUploads");
        builder.Property(u => u.FileName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(u => u.UploadedBy).HasMaxLength(200).IsRequired();
        builder.Property(u => u.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(u => u.Failure).HasMaxLength(1000);
        builder.Ignore(u => u.Results);
        builder.Ignore(u => u.Progress);
        builder.HasIndex(u => u.Status).HasDatabaseName("ix_claim_uploads_status");
        builder.HasOne<CareProvider>().WithMany().HasForeignKey(u => u.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.CareProviderId, u.Sha256 }).IsUnique().HasDatabaseName("ux_claim_uploads_file");
    }
}
