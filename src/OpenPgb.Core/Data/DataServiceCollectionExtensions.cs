using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenPgb.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OpenPgbDbContext"/> for the configured provider. SQLite is the embedded default;
    /// PostgreSQL is chosen with Database__Provider=Postgres and ConnectionStrings__OpenPgb.
    /// </summary>
    public static IServiceCollection AddOpenPgbDatabase(this IServiceCollection services)
    {
        // Settings are read from IConfiguration when first needed, not at registration, so configuration added
        // later (a test host, an environment override) always decides the provider. Nothing falls back silently.
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<AccessScopeAccessor>();
        services.AddDbContext<PostgresOpenPgbDbContext>((sp, o) => ConfigurePostgres(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString));
        services.AddDbContext<SqliteOpenPgbDbContext>((sp, o) => ConfigureSqlite(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString));
        services.AddScoped<OpenPgbDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresOpenPgbDbContext>(),
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteOpenPgbDbContext>(),
        });
        return services;
    }

    /// <summary>
    /// A relative SQLite path is taken from the repository root when running from a checkout (so the web and the CLI
    /// share one demo database), otherwise from the working directory.
    /// </summary>
    public static string SqliteConnectionStringFor(string file)
    {
        var full = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(FindCheckoutRoot() ?? Directory.GetCurrentDirectory(), file));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // No shared cache: its table-level locks answer SQLITE_LOCKED where WAL readers and one IMMEDIATE writer at a
        // time (Microsoft.Data.Sqlite waits up to the command timeout for the write lock) is what serialises claims.
        return $"Data Source={full};Foreign Keys=True;Pooling=True";
    }

    private static string? FindCheckoutRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenPgb.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        Common(options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")));

    /// <summary>
    /// The portal runs the same few statements for every request (session, user, grants, ledger sums): prepared on each
    /// pooled connection after their second use, PostgreSQL parses them once instead of every time (bench/README.md).
    /// A connection string that sets Max Auto Prepare itself keeps its value (0 turns it off, as behind a pooler in
    /// transaction mode, which cannot keep prepared statements).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    // SQLite rebuilds a table to change it, switching foreign keys off around the rebuild, which EF cannot do inside
    // the migration's transaction and warns about. SQLite is the single-node demo database, created fresh: the
    // warning is logged as information rather than shown to every newcomer at start.
    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        Common(options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")))
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));

    // Ledger transfers point at accounts by id only (no navigation), and are only ever summed for accounts read through
    // the filtered account set, so the "required end of a relationship is filtered" warning (10622) cannot apply.
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
}
