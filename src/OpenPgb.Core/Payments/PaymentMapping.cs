using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Payments;

internal sealed class PaymentRunMapping : IEntityTypeConfiguration<PaymentRun>
{
    public void Configure(EntityTypeBuilder<PaymentRun> builder)
    {
        builder.ToTable("PaymentRuns");
        builder.Property(r => r.MessageId).HasMaxLength(35).IsRequired();
        builder.Property(r => r.StartedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.FileSha256).HasMaxLength(64);
        builder.HasIndex(r => r.MessageId).IsUnique().HasDatabaseName("ux_payment_runs_message_id");
        builder.HasIndex(r => new { r.BusinessDate, r.Kind }).HasDatabaseName("ix_payment_runs_date");
    }
}

internal sealed class PaymentMapping : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments", t => t.HasCheckConstraint("ck_payments_amount_positive", "\"AmountCents\" > 0"));
        builder.Property(p => p.EndToEndId).HasMaxLength(35).IsRequired();
        builder.Property(p => p.CreditorName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.CreditorIban).HasMaxLength(34).IsRequired();
        builder.Property(p => p.ReturnReason).HasMaxLength(200);
        builder.HasOne<PaymentRun>().WithMany().HasForeignKey(p => p.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(p => p.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareProvider>().WithMany().HasForeignKey(p => p.CareProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.EndToEndId).IsUnique().HasDatabaseName("ux_payments_end_to_end");
        builder.HasIndex(p => new { p.PaymentRunId, p.GrantorId, p.CareProviderId }).IsUnique().HasDatabaseName("ux_payments_run_grantor_provider");
        builder.HasIndex(p => new { p.CareProviderId, p.PaymentRunId }).HasDatabaseName("ix_payments_provider");
    }
}

internal sealed class PaymentItemMapping : IEntityTypeConfiguration<PaymentItem>
{
    public void Configure(EntityTypeBuilder<PaymentItem> builder)
    {
        builder.ToTable("PaymentItems", t => t.HasCheckConstraint("ck_payment_items_amount_positive", "\"AmountCents\" > 0"));
        builder.HasOne<Payment>().WithMany().HasForeignKey(i => i.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaymentRun>().WithMany().HasForeignKey(i => i.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(i => i.ClaimId).OnDelete(DeleteBehavior.Restrict);

        // Each approved claim is paid at most once: only a returned payment frees it for another.
        builder.HasIndex(i => i.ClaimId).IsUnique().HasFilter("\"ReturnedAt\" IS NULL").HasDatabaseName("ux_payment_items_claim_unpaid_once");
        builder.HasIndex(i => i.PaymentId).HasDatabaseName("ix_payment_items_payment");
    }
}

internal sealed class PaymentBlockMapping : IEntityTypeConfiguration<PaymentBlock>
{
    public void Configure(EntityTypeBuilder<PaymentBlock> builder)
    {
        builder.ToTable("PaymentBlocks");
        builder.Property(b => b.Reason).HasMaxLength(500).IsRequired();
        builder.Property(b => b.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(b => b.LiftedBy).HasMaxLength(200);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(b => b.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.Subject, b.SubjectId }).HasDatabaseName("ix_payment_blocks_subject");
        builder.HasIndex(b => new { b.GrantorId, b.LiftedAt }).HasDatabaseName("ix_payment_blocks_grantor");
    }
}

internal sealed class BankFeedbackImportMapping : IEntityTypeConfiguration<BankFeedbackImport>
{
    public void Configure(EntityTypeBuilder<BankFeedbackImport> builder)
    {
        builder.ToTable("BankFeedbackImports");
        builder.Property(i => i.FileName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(i => i.MessageId).HasMaxLength(35).IsRequired();
        builder.Property(i => i.ImportedBy).HasMaxLength(200).IsRequired();
        // Not unique: a file may be imported again after an unknown reference was cleared up (every import is logged).
        builder.HasIndex(i => i.Sha256).HasDatabaseName("ix_bank_feedback_sha256");
    }
}
