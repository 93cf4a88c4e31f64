using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenPgb.Core.Data;

// Used by `dotnet ef migrations add --context ...` only; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenPgbDbContext>
{
    public SqliteOpenPgbDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteOpenPgbDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteOpenPgbDbContext(builder.Options, new AccessScopeAccessor { Current = AccessScope.System });
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOpenPgbDbContext>
{
    public PostgresOpenPgbDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresOpenPgbDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=openpgb_design");
        return new PostgresOpenPgbDbContext(builder.Options, new AccessScopeAccessor { Current = AccessScope.System });
    }
}
