using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Claims;

public sealed record UploadRow(int Line, string InvoiceNumber, bool Accepted, string Message);

public sealed record UploadResult(bool AlreadyUploaded, DateTimeOffset? PreviousUploadAt, IReadOnlyList<UploadRow> Rows)
{
    public int AcceptedCount => Rows.Count(r => r.Accepted);
}

/// <summary>
/// Bulk claims from a provider's CSV (semicolon-separated, header row; columns in docs/claims-csv.md). Every row is
/// checked and saved on its own, exactly as a portal claim, and comes back accepted or refused with its reasons. A
/// file uploaded before (same bytes) is recognised and changes nothing. The portal queues an upload
/// (<see cref="QueueAsync"/>) and a background job submits it (<see cref="ProcessAsync"/>), saving the results as it
/// goes; <see cref="UploadAsync"/> does both at once.
/// </summary>
public sealed class ClaimUploadService(OpenPgbDbContext db, ClaimService claims, TimeProvider time)
{
    public const int MaxRows = 10_000;

    /// <summary>Rows between two saves of the results: the progress the page shows, and where a restart resumes.</summary>
    public const int CheckpointRows = 200;

    public static readonly IReadOnlyList<string> RequiredColumns = ["overeenkomst", "zorgfunctie", "begindatum", "einddatum", "eenheden", "factuurnummer", "factuurdatum"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    /// <summary>
    /// Queues a file for the background job. The same file uploaded before by this provider is not queued again
    /// (AlreadyUploaded, with that earlier upload), unless that one failed: then it starts again.
    /// </summary>
    public async Task<(ClaimUpload Upload, bool AlreadyUploaded)> QueueAsync(Actor actor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var providerId = actor.CareProviderId ?? throw new NotAllowedException("Only a provider's users upload claims.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await FindAsync(providerId, sha256, cancellationToken) is { } previous)
        {
            if (previous.Status != ClaimUploadStatus.Failed)
            {
                return (previous, true);
            }

            previous.Requeue(actor.UserId, actor.Name, content, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return (previous, false);
        }

        var upload = ClaimUpload.Queue(providerId, fileName, sha256, actor.UserId, actor.Name, content, time.GetUtcNow());
        db.Add(upload);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (upload, false);
        }
        catch (DbUpdateException)
        {
            // The same file uploaded twice at once (two tabs): the unique index keeps one, the other answers with it.
            db.ChangeTracker.Clear();
            return (await FindAsync(providerId, sha256, cancellationToken) ?? throw new InvalidOperationException("The upload vanished."), true);
        }
    }

    /// <summary>One upload of the actor's provider (null for another provider's).</summary>
    public async Task<ClaimUpload?> OwnUploadAsync(Actor actor, long uploadId, CancellationToken cancellationToken) =>
        actor.CareProviderId is { } providerId
            ? await db.Set<ClaimUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.CareProviderId == providerId, cancellationToken)
            : null;

    /// <summary>How far one upload of the actor's provider is, read without its content (polled while it runs).</summary>
    public async Task<UploadProgress?> ProgressAsync(Actor actor, long uploadId, CancellationToken cancellationToken) =>
        actor.CareProviderId is { } providerId
            ? await db.Set<ClaimUpload>().AsNoTracking().Where(u => u.Id == uploadId && u.CareProviderId == providerId)
                .Select(u => new UploadProgress(u.Status, u.Rows, u.TotalRows, u.Accepted, u.Failure)).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>The provider's recent uploads, newest first, without their contents.</summary>
    public async Task<IReadOnlyList<(long Id, string FileName, DateTimeOffset UploadedAt, ClaimUploadStatus Status, int Rows, int Accepted)>> RecentAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.CareProviderId is not { } providerId)
        {
            return [];
        }

        var rows = await db.Set<ClaimUpload>().AsNoTracking().Where(u => u.CareProviderId == providerId)
            .OrderByDescending(u => u.Id).Take(10)
            .Select(u => new { u.Id, u.FileName, u.UploadedAt, u.Status, u.Rows, u.Accepted })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(u => (u.Id, u.FileName, u.UploadedAt, u.Status, u.Rows, u.Accepted))];
    }

    /// <summary>
    /// Submits the rows of a queued upload in the name of <paramref name="actor"/> (the uploader; the scope must be
    /// the provider's). Results are saved every <see cref="CheckpointRows"/> rows; an upload that was running when its
    /// node stopped resumes after the rows already saved.
    /// </summary>
    public async Task ProcessAsync(Actor actor, long uploadId, CancellationToken cancellationToken)
    {
        var upload = await db.Set<ClaimUpload>().SingleAsync(u => u.Id == uploadId, cancellationToken);
        var content = upload.Content ?? throw new InvalidOperationException($"Claim upload {uploadId} has no content left to process.");
        var results = upload.Results.ToList();
        var parsed = Parse(content).ToList();
        upload.Start(parsed.Count);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (line, input, error) in parsed.Skip(results.Count))
        {
            results.Add(input is null ? new UploadRow(line, string.Empty, false, error!) : await SubmitRowAsync(actor, uploadId, line, input, cancellationToken));
            if (results.Count % CheckpointRows == 0)
            {
                await SaveAsync(uploadId, u => u.Record(results), cancellationToken);
            }
        }

        await SaveAsync(uploadId, u =>
        {
            u.Record(results);
            u.Finish(time.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>Queues and processes at once (the CLI, tests): the result of every row.</summary>
    public async Task<UploadResult> UploadAsync(Actor actor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var (upload, alreadyUploaded) = await QueueAsync(actor, fileName, content, cancellationToken);
        if (alreadyUploaded)
        {
            return new UploadResult(true, upload.UploadedAt, []);
        }

        await ProcessAsync(actor, upload.Id, cancellationToken);
        return new UploadResult(false, null, (await OwnUploadAsync(actor, upload.Id, cancellationToken))!.Results);
    }

    private async Task<ClaimUpload?> FindAsync(long providerId, string sha256, CancellationToken cancellationToken) =>
        await db.Set<ClaimUpload>().SingleOrDefaultAsync(u => u.CareProviderId == providerId && u.Sha256 == sha256, cancellationToken);

    // A refused row clears the change tracker, so the upload is read afresh for every save.
    private async Task SaveAsync(long uploadId, Action<ClaimUpload> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var upload = await db.Set<ClaimUpload>().SingleAsync(u => u.Id == uploadId, cancellationToken);
        change(upload);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Each row is submitted once under a key of its own (upload and line): a row submitted before a restart, or before
    // a failed upload is queued again, answers with its claim instead of being refused as a duplicate.
    private async Task<UploadRow> SubmitRowAsync(Actor actor, long uploadId, int line, ClaimInput input, CancellationToken cancellationToken)
    {
        try
        {
            var (claim, _) = await claims.SubmitOnceAsync(actor, input with { ExternalKey = $"upload-{uploadId}-{line}" }, ClaimChannel.CsvUpload, cancellationToken);
            return new UploadRow(line, input.InvoiceNumber, true, $"Ingediend als declaratie {claim.Id}.");
        }
        catch (ClaimRefusedException refused)
        {
            db.ChangeTracker.Clear();
            return new UploadRow(line, input.InvoiceNumber, false, refused.Message);
        }
        catch (Exception ex) when (ex is NotVisibleException or NotAllowedException)
        {
            db.ChangeTracker.Clear();
            return new UploadRow(line, input.InvoiceNumber, false, $"Zorgovereenkomst {input.CareAgreementId} is niet met u gesloten of bestaat niet.");
        }
        catch (DbUpdateException)
        {
            // Another request took this invoice number between the check and the insert.
            db.ChangeTracker.Clear();
            return new UploadRow(line, input.InvoiceNumber, false, $"Factuurnummer {input.InvoiceNumber} is al eerder gedeclareerd.");
        }
    }

    /// <summary>
    /// Each data row as a claim, or the Dutch reason it cannot be read; line numbers count the header as 1. Every line
    /// is read on its own (no claim field holds a line break), so a stray quote spoils only its own line, which is
    /// reported, instead of swallowing the rest of the file.
    /// </summary>
    public static IEnumerable<(int Line, ClaimInput? Input, string? Error)> Parse(byte[] content)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            HasHeaderRecord = true,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } text)
        {
            lines.Add(text);
        }

        var headerIndex = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l));
        if (headerIndex < 0)
        {
            yield return (1, null, "Het bestand is leeg; de eerste regel moet de kolomnamen bevatten.");
            yield break;
        }

        var header = lines[headerIndex];
        var headers = header.Split(';').Select(h => h.Trim().Trim('"').Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            yield return (headerIndex + 1, null, $"Kolommen ontbreken: {string.Join(", ", missing)}.");
            yield break;
        }

        var count = 0;
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var line = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (++count > MaxRows)
            {
                yield return (line, null, $"Meer dan {MaxRows} regels; splits het bestand.");
                yield break;
            }

            // Quotes come in pairs in CSV ("" inside a quoted value is one quote): an odd count is a stray quote.
            if (lines[i].Count(c => c == '"') % 2 == 1)
            {
                yield return (line, null, $"Regel {line}: een aanhalingsteken (\") staat los; zet een waarde helemaal tussen aanhalingstekens of haal het teken weg.");
                continue;
            }

            using var csv = new CsvReader(new StringReader(header + "\n" + lines[i]), configuration);
            csv.Read();
            csv.ReadHeader();
            yield return csv.Read() ? ReadRow(csv, line) : (line, null, $"Regel {line}: deze regel kan niet worden gelezen.");
        }
    }

    private static (int, ClaimInput?, string?) ReadRow(CsvReader csv, int line)
    {
        string Field(string name) => headersContain(csv, name) ? (csv.GetField(name) ?? string.Empty).Trim() : string.Empty;

        var agreementText = Field("overeenkomst");
        var agreementDigits = agreementText.StartsWith("ZOK-", StringComparison.OrdinalIgnoreCase) ? agreementText[4..] : agreementText;
        if (!long.TryParse(agreementDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var agreementId))
        {
            return (line, null, $"Regel {line}: overeenkomst '{agreementText}' is geen nummer.");
        }

        var kind = Field("soort").ToLowerInvariant() switch
        {
            "" or "zorg" => ClaimKind.Care,
            "feestdagenuitkering" => ClaimKind.HolidayAllowance,
            var other => (ClaimKind?)null,
        };
        if (kind is null)
        {
            return (line, null, $"Regel {line}: soort moet 'zorg' of 'feestdagenuitkering' zijn.");
        }

        if (!TryDate(Field("begindatum"), out var start) || !TryDate(Field("einddatum"), out var end) || !TryDate(Field("factuurdatum"), out var invoiceDate))
        {
            return (line, null, $"Regel {line}: datums als jjjj-mm-dd of dd-mm-jjjj.");
        }

        decimal units = 1;
        long? amount = null;
        if (kind == ClaimKind.HolidayAllowance)
        {
            if (!Money.TryParseEuro(Field("bedrag"), out var cents))
            {
                return (line, null, $"Regel {line}: vul het bedrag van de feestdagenuitkering in, bijvoorbeeld 150,00.");
            }

            amount = cents;
        }
        else if (!decimal.TryParse(Field("eenheden").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out units))
        {
            return (line, null, $"Regel {line}: eenheden '{Field("eenheden")}' is geen getal.");
        }

        return (line, new ClaimInput(agreementId, kind.Value, Field("zorgfunctie"), start, end, units, amount, Field("factuurnummer"), invoiceDate), null);

        static bool headersContain(CsvReader reader, string name) => reader.HeaderRecord!.Any(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
