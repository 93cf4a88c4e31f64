using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// A difference found by a compare, kept while it lasts: one open "conversieverschil" work task each, closed when a
/// later compare no longer finds it.
/// </summary>
public sealed class OpenDifference
{
    private OpenDifference()
    {
        Kind = string.Empty;
        Bsn = string.Empty;
        BudgetKey = string.Empty;
        Field = string.Empty;
        Pgb1Value = string.Empty;
        GrantorValue = string.Empty;
    }

    public OpenDifference(int grantorId, ConversionDifference difference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(difference);
        GrantorId = grantorId;
        Kind = difference.Kind;
        Bsn = difference.Bsn;
        BudgetKey = difference.BudgetKey;
        Field = difference.Field;
        Pgb1Value = difference.Pgb1Value;
        GrantorValue = difference.GrantorValue;
        FoundAt = now;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public string Kind { get; private set; }

    public string Bsn { get; private set; }

    public string BudgetKey { get; private set; }

    public string Field { get; private set; }

    public string Pgb1Value { get; private set; }

    public string GrantorValue { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    /// <summary>When a compare no longer found it; null while it is open.</summary>
    public DateTimeOffset? GoneAt { get; private set; }

    public ConversionDifference Difference => new(Kind, Bsn, BudgetKey, Field, Pgb1Value, GrantorValue);

    public void Close(DateTimeOffset now)
    {
        if (GoneAt is not null)
        {
            throw new Common.IllegalTransitionException($"Difference {Id} is closed already.");
        }

        GoneAt = now;
    }
}

/// <summary>What a compare found: the differences (empty when the export could not be used) and the unusable input, if any.</summary>
public sealed record CompareResult(IReadOnlyList<ConversionDifference> Differences, IReadOnlyList<ConversionFinding> Findings, int TasksOpened, int TasksClosed)
{
    /// <summary>The export or the 501s could not be read: nothing was compared.</summary>
    public bool IsUnusable => Findings.Any(f => f.Severity == FindingSeverity.Blocking);
}

/// <summary>
/// Step 1 of a conversion: the export against the grantor's 501s (files not yet imported, or the grants already
/// received over the conversion channel), and the grantor's work tasks brought in line: one open task per difference,
/// a task closed when its difference has gone.
/// </summary>
public sealed class ConversionComparer(OpenPgbDbContext db, WorkTaskService tasks, TimeProvider time)
{
    /// <summary>Compare with the 501s received over the conversion channel.</summary>
    public async Task<CompareResult> CompareAsync(string grantorCode, string exportDirectory, CancellationToken cancellationToken)
    {
        var grantor = await GrantorAsync(grantorCode, cancellationToken);
        var raw = await db.IntakeMessages.AsNoTracking()
            .Where(m => m.GrantorId == grantor.Id && m.Channel == MessageChannel.Conversion && m.Outcome == IntakeOutcome.Accepted)
            .Select(m => m.RawContent)
            .ToListAsync(cancellationToken);
        var messages = new List<Message501>();
        var findings = new List<ConversionFinding>();
        foreach (var content in raw)
        {
            AddMessage(content, "501 uit het conversiekanaal", grantor.Code, messages, findings);
        }

        return await CompareAsync(grantor, exportDirectory, messages, findings, cancellationToken);
    }

    /// <summary>Compare with the grantor's 501 files in a directory (searched recursively for *.xml), not imported.</summary>
    public async Task<CompareResult> CompareWithFilesAsync(string grantorCode, string exportDirectory, string grantsDirectory, CancellationToken cancellationToken)
    {
        var grantor = await GrantorAsync(grantorCode, cancellationToken);
        if (!Directory.Exists(grantsDirectory))
        {
            throw new ConversionException($"Grants directory '{grantsDirectory}' does not exist.");
        }

        var messages = new List<Message501>();
        var findings = new List<ConversionFinding>();
        foreach (var file in MessageFileImporter.EnumerateMessageFiles([grantsDirectory]))
        {
            AddMessage(await File.ReadAllBytesAsync(file, cancellationToken), Path.GetRelativePath(grantsDirectory, file), grantor.Code, messages, findings);
        }

        return await CompareAsync(grantor, exportDirectory, messages, findings, cancellationToken);
    }

    private static void AddMessage(byte[] content, string name, string grantorCode, List<Message501> messages, List<ConversionFinding> findings)
    {
        var sniff = Message501Reader.SniffHeader(content);
        var loaded = sniff.IsReadable ? Message501Reader.Load(content, sniff.Schema!) : null;
        if (loaded?.Message is not { } message)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.File, name, $"Dit is geen geldig 501-bericht: {loaded?.Failure ?? "de kop is onleesbaar"}."));
        }
        else if (message.Header.Sender != grantorCode)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.OtherGrantor, name, $"Dit 501-bericht komt van verstrekker {message.Header.Sender}, niet van {grantorCode}."));
        }
        else
        {
            messages.Add(message);
        }
    }

    private async Task<CompareResult> CompareAsync(Grantors.Grantor grantor, string exportDirectory, List<Message501> messages, List<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(exportDirectory))
        {
            throw new ConversionException($"Export directory '{exportDirectory}' does not exist.");
        }

        using var read = await Pgb1ExportReader.ReadAsync(exportDirectory, grantor.Code, cancellationToken);
        findings.InsertRange(0, read.Findings);
        if (read.Export is null || findings.Any(f => f.Severity == FindingSeverity.Blocking))
        {
            return new([], findings, 0, 0);
        }

        var differences = Pgb1Comparison.Differences(read.Export, messages);
        var (opened, closed) = await KeepTasksAsync(grantor.Id, differences, cancellationToken);
        return new(differences, findings, opened, closed);
    }

    private async Task<(int Opened, int Closed)> KeepTasksAsync(int grantorId, IReadOnlyList<ConversionDifference> differences, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await db.OpenDifferences.Where(d => d.GrantorId == grantorId && d.GoneAt == null).ToListAsync(cancellationToken);
        var found = differences.ToHashSet();
        var gone = open.Where(d => !found.Contains(d.Difference)).ToList();
        var goneIds = gone.Select(d => d.Id).ToList();
        foreach (var task in await db.WorkTasks
            .Where(t => t.GrantorId == grantorId && t.Type == WorkTaskType.ConversionDifference && t.Status == WorkTaskStatus.Open && goneIds.Contains(t.SubjectId))
            .ToListAsync(cancellationToken))
        {
            task.Complete("conversie: verschil verdwenen", now);
        }

        foreach (var difference in gone)
        {
            difference.Close(now);
        }

        var known = open.Select(d => d.Difference).ToHashSet();
        var added = differences.Where(d => !known.Contains(d)).Select(d => new OpenDifference(grantorId, d, now)).ToList();
        db.OpenDifferences.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        var bsns = added.Select(d => d.Bsn).Distinct(StringComparer.Ordinal).ToList();
        var holders = await db.BudgetHolders.Where(h => bsns.Contains(h.Bsn)).ToDictionaryAsync(h => h.Bsn, h => h.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var d in added)
        {
            tasks.Create(grantorId, WorkTaskType.ConversionDifference, WorkTaskSubject.ConversionDifference, d.Id, holders.TryGetValue(d.Bsn, out var id) ? id : null, Title(d), 10);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (added.Count, gone.Count);
    }

    /// <summary>The task's title names the kind and the budget, not the BSN (the task opens on the page that shows it).</summary>
    private static string Title(OpenDifference d) => d.Kind switch
    {
        DifferenceKinds.CareFunctions => "Conversieverschil: zorgfuncties van een budgethouder verschillen",
        DifferenceKinds.Representative => "Conversieverschil: vertegenwoordiger verschilt",
        _ => $"Conversieverschil {d.Kind}: budget {d.BudgetKey}, zorgfunctie {d.Field}",
    };

    private async Task<Grantors.Grantor> GrantorAsync(string grantorCode, CancellationToken cancellationToken) =>
        await db.Grantors.AsNoTracking().SingleOrDefaultAsync(g => g.Code == grantorCode, cancellationToken)
            ?? throw new ConversionException($"Grantor {grantorCode} does not exist.");
}
