using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenPgb.Testing;

namespace OpenPgb.Bench;

/// <summary>What every benchmark shares: the built CLI, its --stats lines, the repository root and the result file.</summary>
internal static class BenchTools
{
    public static async Task<string> Cli(Dictionary<string, string> env, params string[] args)
    {
        var (exit, output) = await CliProcess.RunAsync(Path.Combine(FindRoot(), "src/OpenPgb.Cli/bin/Release/net10.0/openpgb.dll"), env, args);
        return exit == 0 ? output : throw new InvalidOperationException($"openpgb {string.Join(' ', args)} exited {exit}: {output}");
    }

    public static double ParseStat(string output, string name) =>
        double.Parse(output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim(), CultureInfo.InvariantCulture);

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenPgb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    public static async Task WriteJsonAsync(JsonObject result, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        Console.WriteLine($"Written {file}");
    }
}
