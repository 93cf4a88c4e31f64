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
/// The file channel: streams any number of message files (files or directories, recursively) through intake in path
/// order. Files are read and prepared (header, schema) in chunks on every core while the previous chunk is applied
/// in one transaction, so memory stays bounded by two chunks whatever the number of files.
/// </summary>
public sealed class MessageFileImporter(IServiceScopeFactory scopes, IntakeOptions options)
{
    public const int ChunkSize = 500;

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
        CancellationToken cancellationToken,
        string? onlySender = null)
    {
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
        }

        var summary = new ImportSummary();
        using var chunks = files.Chunk(ChunkSize).GetEnumerator();
        var next = chunks.MoveNext() ? PrepareAsync(chunks.Current, cancellationToken) : null;
        while (next is not null)
        {
            var (names, prepared) = await next;
            next = chunks.MoveNext() ? PrepareAsync(chunks.Current, cancellationToken) : null;

            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
            var intake = scope.ServiceProvider.GetRequiredService<GrantIntakeService>();
            var results = await intake.ReceiveBatchAsync(prepared, channel, onlySender, cancellationToken);
            var before = summary.Messages;
            for (var i = 0; i < results.Count; i++)
            {
                summary.Count(results[i]);
                if (outDirectory is not null && results[i].Response is { } response)
                {
                    await File.WriteAllBytesAsync(Path.Combine(outDirectory, Path.GetFileNameWithoutExtension(names[i]) + ".502.xml"), response, cancellationToken);
                }

                onMessage?.Invoke(names[i], results[i]);
            }

            if (StatisticsRefreshDue(before, summary.Messages))
            {
                await intake.RefreshPlannerStatisticsAsync(cancellationToken);
            }
        }

        return summary;
    }

    // A large import grows the tables it reads faster than autovacuum analyses them (once a minute at most), and a
    // plan that PostgreSQL made and reused while they were nearly empty scans them whole. Fresh statistics at 2,000,
    // 10,000, 50,000, ... messages (five times the last) make it plan again on their real size.
    private static bool StatisticsRefreshDue(int before, int after)
    {
        for (var threshold = 2_000L; threshold <= after; threshold *= 5)
        {
            if (before < threshold)
            {
                return true;
            }
        }

        return false;
    }

    private Task<(string[] Names, PreparedMessage[] Prepared)> PrepareAsync(string[] names, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var prepared = new PreparedMessage[names.Length];
                Parallel.For(0, names.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    prepared[i] = PreparedMessage.Prepare(ReadBounded(names[i], options.MaxMessageBytes), options.MaxMessageBytes));
                return (names, prepared);
            },
            cancellationToken);

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
    private static byte[] ReadBounded(string file, int maxBytes)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
        var buffer = new byte[(int)Math.Min(stream.Length, maxBytes + 1L)];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
