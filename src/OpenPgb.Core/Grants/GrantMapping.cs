using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Grants;

internal sealed class GrantMapping : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("Grants");
        builder.Property(g => g.BudgetKey).HasMaxLength(20).IsRequired();
        builder.HasIndex(g => new { g.GrantorId, g.BudgetKey }).IsUnique().HasDatabaseName("ux_grants_grantor_budget_key");
        builder.HasIndex(g => g.BudgetHolderId).HasDatabaseName("ix_grants_budget_holder");
        builder.HasOne(g => g.Grantor).WithMany().HasForeignKey(g => g.GrantorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.BudgetHolder).WithMany(b => b.Grants).HasForeignKey(g => g.BudgetHolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Versions).WithOne(v => v.Grant).HasForeignKey(v => v.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Access).WithOne().HasForeignKey(a => a.GrantId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(g => g.CurrentVersion);
    }
}

internal sealed class GrantAccessMapping : IEntityTypeConfiguration<GrantAccess>
{
    public void Configure(EntityTypeBuilder<GrantAccess> builder)
    {
        builder.ToTable("GrantAccess");
        builder.HasKey(a => new { a.GrantId, a.Bsn });
        builder.Property(a => a.Bsn).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(a => a.Bsn).HasDatabaseName("ix_grant_access_bsn");
    }
}

internal sealed class GrantVersionMapping : IEntityTypeConfiguration<GrantVersion>
{
    public void Configure(EntityTypeBuilder<GrantVersion> builder)
    {
        builder.ToTable("GrantVersions");
        builder.Property(v => v.BudgetKey).HasMaxLength(20).IsRequired();
        builder.HasIndex(v => new { v.GrantId, v.Number }).IsUnique().HasDatabaseName("ux_grant_versions_grant_number");
        builder.HasOne(v => v.IntakeMessage).WithMany().HasForeignKey(v => v.IntakeMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.IntakeMessageId).HasDatabaseName("ix_grant_versions_intake_message");
        builder.OwnsOne(v => v.Contact, contact =>
        {
            contact.Property(c => c.Street).HasMaxLength(100).HasColumnName("ContactStreet");
            contact.Property(c => c.HouseNumber).HasMaxLength(10).HasColumnName("ContactHouseNumber");
            contact.Property(c => c.HouseNumberAddition).HasMaxLength(10).HasColumnName("ContactHouseNumberAddition");
            contact.Property(c => c.PostalCode).HasMaxLength(10).HasColumnName("ContactPostalCode");
            contact.Property(c => c.City).HasMaxLength(100).HasColumnName("ContactCity");
            contact.Property(c => c.CountryCode).HasMaxLength(2).HasColumnName("ContactCountryCode");
        });
        builder.HasMany(v => v.CareFunctionBudgets).WithOne().HasForeignKey(b => b.GrantVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Representatives).WithOne().HasForeignKey(r => r.GrantVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(v => v.TotalCents);
        builder.Ignore(v => v.IsWholePackage);
        builder.Ignore(v => v.StartDate);
        builder.Ignore(v => v.EndDate);
    }
}

internal sealed class CareFunctionBudgetMapping : IEntityTypeConfiguration<CareFunctionBudget>
{
    public void Configure(EntityTypeBuilder<CareFunctionBudget> builder)
    {
        builder.ToTable("CareFunctionBudgets", t =>
        {
            t.HasCheckConstraint("ck_care_function_budgets_amount_positive", "\"AmountCents\" > 0");
            t.HasCheckConstraint("ck_care_function_budgets_period", "\"EndDate\" >= \"StartDate\"");
        });
        builder.Property(b => b.CareFunctionCode).HasMaxLength(2).IsRequired();
        builder.HasOne<CareFunction>().WithMany().HasForeignKey(b => b.CareFunctionCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.CrossesYearBoundary);
    }
}

internal sealed class RepresentativeMapping : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> builder)
    {
        builder.ToTable("Representatives");
        builder.Property(r => r.RoleCode).HasMaxLength(2).IsRequired();
        builder.Property(r => r.Bsn).HasMaxLength(9).IsFixedLength().IsRequired();
        builder.HasIndex(r => r.Bsn).HasDatabaseName("ix_representatives_bsn");
        builder.ComplexProperty(r => r.Name, PersonNameMapping.Configure);
        builder.Ignore(r => r.RoleName);
    }
}

internal sealed class CareFunctionMapping : IEntityTypeConfiguration<CareFunction>
{
    public void Configure(EntityTypeBuilder<CareFunction> builder)
    {
        builder.ToTable("CareFunctions");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.HasData(CareFunctionCodes.Initial.Select(c => new { c.Code, c.Name, c.ValidFrom, c.ValidTo }));
    }
}
