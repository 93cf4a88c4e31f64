// Stops the shared PostgreSQL cluster while the test host still runs (see SharedPostgresLifetime).
[assembly: AssemblyFixture(typeof(OpenPgb.Testing.SharedPostgresLifetime))]
