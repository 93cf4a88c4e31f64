using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPgb.Core.Parties;

internal sealed class BudgetHolderMapping : IEntityTypeConfiguration<BudgetHolder>
{
    public void Configure(EntityTypeBuilder<BudgetHolder> builder)
    {
        builder.ToTable("BudgetHolders");
        builder.Property(b => b.Bsn).HasMaxLength(9).IsFixedLength().IsRequired();
        builder.HasIndex(b => b.Bsn).IsUnique().HasDatabaseName("ux_budget_holders_bsn");
        builder.ComplexProperty(b => b.Name, PersonNameMapping.Configure);
    }
}

internal static class PersonNameMapping
{
    public static void Configure(ComplexPropertyBuilder<PersonName> name)
    {
        name.Property(n => n.Surname).HasMaxLength(200).HasColumnName("Surname").IsRequired();
        name.Property(n => n.Prefix).HasMaxLength(10).HasColumnName("NamePrefix");
        name.Property(n => n.Initials).HasMaxLength(6).HasColumnName("Initials");
    }
}
