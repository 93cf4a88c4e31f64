using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core;
using OpenPgb.Core.Data;

namespace OpenPgb.Testing;

/// <summary>
/// A fresh, migrated PostgreSQL database per test: cloned from a template that is migrated once per test run.
/// Gives a service provider wired exactly as the hosts wire it, with a <see cref="TestClock"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string TemplateName = "openpgb_template";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static bool _templateReady;

    private TestDatabase(string connectionString, ServiceProvider services, TestClock clock)
    {
        ConnectionString = connectionString;
        Services = services;
        Clock = clock;
    }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public TestClock Clock { get; }

    public static async Task<TestDatabase> CreateAsync(TestClock? clock = null)
    {
        var server = await PostgresServer.SharedAsync();
        await EnsureTemplateAsync(server);
        var connectionString = await server.CreateDatabaseAsync(TemplateName);
        clock ??= new TestClock();
        return new TestDatabase(connectionString, BuildServices(connectionString, clock), clock);
    }

    /// <summary>
    /// A fresh, migrated embedded SQLite database in a temporary file: the demo's default, for the tests that prove a
    /// feature also works there. The file is deleted with the database.
    /// </summary>
    public static async Task<TestDatabase> CreateSqliteAsync(TestClock? clock = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openpgb-test-{Guid.NewGuid():N}.db");
        var connectionString = DataServiceCollectionExtensions.SqliteConnectionStringFor(file);
        clock ??= new TestClock();
        var database = new TestDatabase(connectionString, BuildServices(connectionString, clock, "Sqlite"), clock) { _sqliteFile = file };
        await using var scope = database.Scope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>(), CancellationToken.None);
        return database;
    }

    public static Dictionary<string, string?> Settings(string connectionString, string provider = "Postgres") => new()
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:OpenPgb"] = connectionString,
    };

    /// <summary>A unit of work in the given scope (system by default).</summary>
    public AsyncServiceScope Scope(AccessScope? scope = null)
    {
        var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = scope ?? AccessScope.System;
        return s;
    }

    private string? _sqliteFile;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static ServiceProvider BuildServices(string connectionString, TestClock clock, string provider = "Postgres")
    {
        var settings = Settings(connectionString, provider);
        settings["Payments:OutputDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-test-payments", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddOpenPgbCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task EnsureTemplateAsync(PostgresServer server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await using (var admin = new Npgsql.NpgsqlConnection(server.AdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{TemplateName}\"";
                await create.ExecuteNonQueryAsync();
            }

            await using (var services = BuildServices(server.ConnectionStringFor(TemplateName), new TestClock()))
            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>(), CancellationToken.None);
            }

            // A template must have no open connections when it is cloned.
            Npgsql.NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }
}
