using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Core.Data;

public sealed class SqliteOpenPgbDbContext(DbContextOptions<SqliteOpenPgbDbContext> options, AccessScopeAccessor scope)
    : OpenPgbDbContext(options, scope)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SortableUtcTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IntakeMessage>().HasIndex(m => new { m.Sender, m.MessageCode, m.Identification })
            .HasDatabaseName("ux_intake_identity").IsUnique().HasFilter("\"IsOriginal\" = 1");
    }
}

public sealed class PostgresOpenPgbDbContext(DbContextOptions<PostgresOpenPgbDbContext> options, AccessScopeAccessor scope)
    : OpenPgbDbContext(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IntakeMessage>().HasIndex(m => new { m.Sender, m.MessageCode, m.Identification })
            .HasDatabaseName("ux_intake_identity").IsUnique().HasFilter("\"IsOriginal\"");
    }
}
