using System.Diagnostics;
using System.Text;

namespace OpenPgb.Testing;

/// <summary>Runs the built `openpgb` CLI as a real process with extra environment variables.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string cliDll, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(StartInfo(cliDll, environment, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, new StringBuilder().Append(await stdout).Append(await stderr).ToString());
    }

    /// <summary>How to start the CLI: `dotnet openpgb.dll` with the arguments and environment, output redirected.</summary>
    public static ProcessStartInfo StartInfo(string cliDll, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(cliDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }
}
