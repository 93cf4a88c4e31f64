namespace OpenPgb.Testing;

/// <summary>
/// Register as an assembly fixture (<c>[assembly: AssemblyFixture(typeof(SharedPostgresLifetime))]</c>) in every test
/// project that uses <see cref="PostgresServer.SharedAsync"/>: the shared cluster is then stopped and removed while the
/// test host still runs, not in a process-exit handler.
/// </summary>
public sealed class SharedPostgresLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}
