using OpenPgb.Testing;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>Finds the built web and CLI assemblies (same configuration as this test build) and runs them.</summary>
public static class Processes
{
    public static string RepositoryRoot { get; } = Checkout.Root;

    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string WebDll => Path.Combine(RepositoryRoot, "src/OpenPgb.Web/bin", Configuration, "net10.0/OpenPgb.Web.dll");

    public static string CliDll => Path.Combine(RepositoryRoot, "src/OpenPgb.Cli/bin", Configuration, "net10.0/openpgb.dll");

    public static Dictionary<string, string> PostgresEnvironment(string connectionString) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__OpenPgb"] = connectionString,
    };

    /// <summary>Runs the CLI to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCliAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        CliProcess.RunAsync(CliDll, environment, arguments);
}
