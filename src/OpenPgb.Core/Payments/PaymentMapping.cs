using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.CareProviders;
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

        // Keyed by payment and claim: the key serves the look-up of a payment's items, so no surrogate id, no sequence
        // and no third index. No foreign keys (ADR 0015): a key on the claim would lock and so write a million claim
        // rows per run, and the keys on the payment and the run cost a check per item (about 4 µs each, a third of a
        // million-claim run's item phase). The run makes each item from its own payment in the same statement, and
        // `openpgb ledger verify` checks that every item's payment, run, grantor, provider and claim agree.
        builder.HasKey(i => new { i.PaymentId, i.ClaimId });

        // Each approved claim is paid at most once: only a returned payment frees it for another.
        builder.HasIndex(i => i.ClaimId).IsUnique().HasFilter("\"ReturnedAt\" IS NULL").HasDatabaseName("ux_payment_items_claim_unpaid_once");
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
