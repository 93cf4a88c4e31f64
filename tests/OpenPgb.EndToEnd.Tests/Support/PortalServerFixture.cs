namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>One running portal per journey class, on PostgreSQL.</summary>
public class PortalServerFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;

    protected virtual TestProvider Provider => TestProvider.Postgres;

    public async ValueTask InitializeAsync() => Server = await PortalServer.StartAsync(Provider);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The portal exactly as the README's run command starts it: embedded SQLite with the demo data.</summary>
public sealed class SqlitePortalServerFixture : PortalServerFixture
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public enum TestProvider
{
    Postgres,
    Sqlite,
}
