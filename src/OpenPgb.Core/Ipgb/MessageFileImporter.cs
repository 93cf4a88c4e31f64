using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Ipgb;

/// <summary>Counts per outcome and per retour code over one import.</summary>
public sealed class ImportSummary
{
    public int Messages { get; private set; }

    public int Accepted { get; private set; }

    public int Replayed { get; private set; }

    public int Rejected { get; private set; }

    public SortedDictionary<string, int> RejectionsByCode { get; } = new(StringComparer.Ordinal);

    internal void Count(IntakeResult result)
    {
        Messages++;
        switch (result.Outcome)
        {
            case IntakeOutcome.Accepted:
                Accepted++;
                break;
            case IntakeOutcome.Replayed when result.IsAccepted:
                Replayed++;
                break;
            case IntakeOutcome.Replayed:
            case IntakeOutcome.Rejected:
            case IntakeOutcome.Refused:
                Rejected++;
                foreach (var code in result.Codes.DefaultIfEmpty("refused"))
                {
                    RejectionsByCode[code] = RejectionsByCode.GetValueOrDefault(code) + 1;
                }

                break;
        }
    }

    public IEnumerable<string> Lines()
    {
        yield return $"messages: {Messages}";
        yield return $"accepted: {Accepted}";
        yield return $"replayed (accepted before): {Replayed}";
        yield return $"rejected: {Rejected}";
        foreach (var (code, count) in RejectionsByCode)
        {
            yield return $"  {code} {ReturnCodes.Describe(code)}: {count}";
        }
    }
}

/// <summary>
/// The file channel: streams any number of message files (files or directories, recursively) through intake, one
/// message in memory at a time, and writes one 502 per message. Messages are taken in path order.
/// </summary>
public sealed class MessageFileImporter(IServiceScopeFactory scopes, IntakeOptions options)
{
    private const int MessagesPerScope = 500;

    public static IEnumerable<string> EnumerateMessageFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in EnumerateDirectory(path))
                {
                    yield return file;
                }
            }
            else
            {
                throw new FileNotFoundException($"No file or directory '{path}'.", path);
            }
        }
    }

    public async Task<ImportSummary> ImportAsync(
        IEnumerable<string> files,
        string? outDirectory,
        MessageChannel channel,
        Action<string, IntakeResult>? onMessage,
        CancellationToken cancellationToken)
    {
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
        }

        var summary = new ImportSummary();
        AsyncServiceScope? scope = null;
        var inScope = 0;
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (scope is null || inScope == MessagesPerScope)
                {
                    if (scope is { } old)
                    {
                        await old.DisposeAsync();
                    }

                    scope = scopes.CreateAsyncScope();
                    scope.Value.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
                    inScope = 0;
                }

                var intake = scope.Value.ServiceProvider.GetRequiredService<GrantIntakeService>();
                var bytes = await ReadBoundedAsync(file, options.MaxMessageBytes, cancellationToken);
                var result = await intake.ReceiveAsync(bytes, channel, null, cancellationToken);
                inScope++;
                summary.Count(result);
                if (outDirectory is not null && result.Response is { } response)
                {
                    await File.WriteAllBytesAsync(Path.Combine(outDirectory, Path.GetFileNameWithoutExtension(file) + ".502.xml"), response, cancellationToken);
                }

                onMessage?.Invoke(file, result);
            }
        }
        finally
        {
            if (scope is { } last)
            {
                await last.DisposeAsync();
            }
        }

        return summary;
    }

    private static IEnumerable<string> EnumerateDirectory(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml").Where(f => !f.EndsWith(".502.xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            foreach (var file in EnumerateDirectory(sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>Reads at most one byte more than the limit, so an oversized file is recognised without loading it.</summary>
    private static async Task<byte[]> ReadBoundedAsync(string file, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, useAsync: true);
        var length = (int)Math.Min(stream.Length, maxBytes + 1L);
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
