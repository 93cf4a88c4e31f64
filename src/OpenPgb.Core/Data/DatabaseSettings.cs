using Microsoft.Extensions.Configuration;

namespace OpenPgb.Core.Data;

/// <summary>The resolved database choice: provider and a usable connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("OpenPgb");
        return options.Provider switch
        {
            DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(connectionString) =>
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:OpenPgb is empty."),
            DatabaseProvider.Postgres => new(DatabaseProvider.Postgres, connectionString!),
            DatabaseProvider.Sqlite => new(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(connectionString)
                ? DataServiceCollectionExtensions.SqliteConnectionStringFor(options.SqliteFile)
                : connectionString),
        };
    }
}
