using System.Diagnostics;
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

    /// <summary>Starts the CLI and kills it with SIGKILL after <paramref name="delay"/>; false when it finished first.</summary>
    public static async Task<bool> RunCliAndKillAsync(IReadOnlyDictionary<string, string> environment, string[] arguments, TimeSpan delay)
    {
        using var process = Process.Start(CliProcess.StartInfo(CliDll, environment, arguments))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(delay);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
            await process.WaitForExitAsync();
            return true;
        }
    }
}
