using OpenPgb.Testing;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>Finds the built web and CLI assemblies (same configuration as this test build) and runs them.</summary>
public static class Processes
{
    public static string RepositoryRoot { get; } = FindRoot();

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenPgb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (OpenPgb.slnx) not found above " + AppContext.BaseDirectory);
    }
}
