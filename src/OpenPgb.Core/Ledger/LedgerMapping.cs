using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Ledger;

internal sealed class LedgerAccountMapping : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("LedgerAccounts");
        builder.Property(a => a.Key).HasMaxLength(60).IsRequired();
        builder.Property(a => a.CareFunctionCode).HasMaxLength(2);
        builder.HasIndex(a => a.Key).IsUnique().HasDatabaseName("ux_ledger_accounts_key");
        // The payment run joins accounts by their typed dimensions (kind and grant, or kind, grantor and provider).
        builder.HasIndex(a => new { a.GrantId, a.CareFunctionCode, a.Year, a.Kind }).HasDatabaseName("ix_ledger_accounts_grant");
        builder.HasIndex(a => new { a.GrantorId, a.CareProviderId, a.Kind }).HasDatabaseName("ix_ledger_accounts_grantor_provider");
        builder.HasOne<Grantor>().WithMany().HasForeignKey(a => a.GrantorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalEntryMapping : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.Property(e => e.Description).HasMaxLength(200).IsRequired();
        builder.HasOne<Claim>().WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payment>().WithMany().HasForeignKey(e => e.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversion.GrantorConversion>().WithMany().HasForeignKey(e => e.ConversionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ConversionId, e.Kind }).IsUnique().HasFilter("\"ConversionId\" IS NOT NULL").HasDatabaseName("ux_journal_conversion_kind");
        builder.HasMany(e => e.Transfers).WithOne().HasForeignKey(t => t.JournalEntryId).OnDelete(DeleteBehavior.Restrict);

        // A claim is approved once; a payment is booked once and reversed at most once.
        builder.HasIndex(e => new { e.ClaimId, e.Kind }).IsUnique().HasFilter("\"ClaimId\" IS NOT NULL").HasDatabaseName("ux_journal_claim_kind");
        builder.HasIndex(e => new { e.PaymentId, e.Kind }).IsUnique().HasFilter("\"PaymentId\" IS NOT NULL").HasDatabaseName("ux_journal_payment_kind");
    }
}

internal sealed class LedgerTransferMapping : IEntityTypeConfiguration<LedgerTransfer>
{
    public void Configure(EntityTypeBuilder<LedgerTransfer> builder)
    {
        builder.ToTable("LedgerTransfers", t =>
        {
            t.HasCheckConstraint("ck_transfers_amount_positive", "\"AmountCents\" > 0");
            t.HasCheckConstraint("ck_transfers_two_accounts", "\"DebitAccountId\" <> \"CreditAccountId\"");
        });
        builder.HasOne(t => t.DebitAccount).WithMany().HasForeignKey(t => t.DebitAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.CreditAccount).WithMany().HasForeignKey(t => t.CreditAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.DebitAccountId).HasDatabaseName("ix_transfers_debit");
        builder.HasIndex(t => t.CreditAccountId).HasDatabaseName("ix_transfers_credit");
    }
}
