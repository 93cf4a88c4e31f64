using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;
using OpenPgb.Testing;

namespace OpenPgb.Web.Tests.Support;

/// <summary>
/// The portal on its own fresh PostgreSQL database (or, in <see cref="SqliteWebFactory"/>, the embedded SQLite the
/// README's run command uses), seeded with demo data through real 501 intake, with every log line captured so tests
/// can check that no BSN is ever logged.
/// </summary>
public class OpenPgbWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _sqliteFile;

    private readonly Dictionary<string, string?> _settings = [];

    public ConcurrentQueue<string> Logs { get; } = new();

    public bool RequireTwoFactor { get; init; }

    public int LoginAttemptsPerMinute { get; init; } = 1000;

    /// <summary>The portal's clock; tests move it to expire sessions.</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Counts the password-hash verifications the portal performs.</summary>
    public CountingPasswordHasher PasswordHashing { get; } = new();

    /// <summary>The database the portal runs on.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var database = await TestDatabase.CreateAsync();
            ConnectionString = database.ConnectionString;
            await database.DisposeAsync();
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"openpgb-web-{Guid.NewGuid():N}.db");
            ConnectionString = DataServiceCollectionExtensions.SqliteConnectionStringFor(_sqliteFile);
        }

        foreach (var (key, value) in TestDatabase.Settings(ConnectionString, Provider.ToString()))
        {
            _settings[key] = value;
        }

        _settings["Demo:SeedOnStartup"] = "true";
        _settings["Demo:BudgetHolders"] = "24";
        _settings["Payments:DailyRunEnabled"] = "false";
        _settings["Payments:OutputDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-web-tests-payments", Guid.NewGuid().ToString("N"));
        _settings["Conversion:UploadDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-web-tests-conversion", Guid.NewGuid().ToString("N"));
        _settings["Security:RequireTwoFactorForStaff"] = RequireTwoFactor ? "true" : "false";
        _settings["Security:SecureCookies"] = "false";
        _settings["Security:LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Security:IntakeRequestsPerSecond"] = "1000";
        _ = Server;
        if (Services.GetRequiredService<DatabaseSettings>().Provider != Provider)
        {
            throw new InvalidOperationException($"The portal under test is not on the test {Provider} database.");
        }
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }

    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        return scope;
    }

    public async Task<T> QueryAsync<T>(Func<OpenPgbDbContext, Task<T>> query)
    {
        await using var scope = SystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>());
    }

    public async Task<IReadOnlyList<string>> AllBsnsAsync() => await QueryAsync(async db =>
    {
        var holders = await db.BudgetHolders.Select(b => b.Bsn).ToListAsync();
        var reps = await db.Set<OpenPgb.Core.Grants.Representative>().Select(r => r.Bsn).ToListAsync();
        return (IReadOnlyList<string>)[.. holders, .. reps];
    });

    /// <summary>A browser-like client: keeps its cookies (readable, to copy them elsewhere), follows no redirect.</summary>
    public PortalClient CreatePortalClient()
    {
        var cookies = new System.Net.CookieContainer();
        var http = CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        return new PortalClient(http, DemoDataSeeder.DemoPassword, cookies);
    }

    /// <summary>
    /// The settings as host configuration too, so that what Program.cs reads before the app is built (the job store
    /// follows the database provider) sees the test's database and not appsettings.json's default.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            services.AddSingleton(PasswordHashing);
            services.AddSingleton<IPasswordHasher<PortalUser>>(PasswordHashing);
        });
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(new CapturingLoggerProvider(Logs));
            logging.SetMinimumLevel(LogLevel.Debug);
        });
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.Enqueue($"scope {category}: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The same portal on embedded SQLite, the README's default, for tests that must hold on both databases.</summary>
public sealed class SqliteWebFactory : OpenPgbWebFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The default hasher, counting verifications (to prove an unknown name costs the same work as a known one).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;

    public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// The test server has no client address; a request may name one in <see cref="Header"/>, so tests can sign in
/// "from" different addresses.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var address)
                ? System.Net.IPAddress.Parse(address.ToString())
                : System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
