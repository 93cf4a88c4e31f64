namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>One running portal per journey class.</summary>
public sealed class PortalServerFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await PortalServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
