using System.IO.Compression;

namespace OpenPgb.Core.Conversion;

/// <summary>Where the portal keeps uploaded PGB1 exports between the steps (configuration section <c>Conversion</c>).</summary>
public sealed class ConversionOptions
{
    public const string SectionName = "Conversion";

    /// <summary>
    /// One folder per grantor with its latest uploaded export. With more than one web node it must be shared storage,
    /// like the payment files' directory. Default: a folder in the system's temp directory.
    /// </summary>
    public string UploadDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "openpgb-conversion");

    /// <summary>The most an upload may unpack to; a PGB1 export of a large municipality is some hundreds of MB.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}

/// <summary>An uploaded file: its name as the browser gave it, and its content.</summary>
public sealed record UploadedFile(string Name, Stream Content);

/// <summary>An upload that cannot be used, in Dutch.</summary>
public sealed class UploadException(string message) : Exception(message);

/// <summary>
/// The files an operator uploads for a grantor's conversion: the export (a zip of the export folder, or its files
/// selected one by one) kept per grantor until the next upload, and the grantor's 501s (a zip or XML files) unpacked
/// into a fresh folder for the intake. Only plain file names are used: a zip's folders are flattened and no entry can
/// write outside its folder. An upload replaces the previous export only once it is completely written.
/// </summary>
public sealed class ConversionFiles(ConversionOptions options)
{
    public string ExportDirectory(string grantorCode) => Path.Combine(Root(grantorCode), "export");

    public bool HasExport(string grantorCode) => File.Exists(Path.Combine(ExportDirectory(grantorCode), Pgb1ExportReader.ExportFile));

    /// <summary>When the export was uploaded, or null.</summary>
    public DateTimeOffset? ExportUploadedAt(string grantorCode) =>
        HasExport(grantorCode) ? new DateTimeOffset(Directory.GetLastWriteTimeUtc(ExportDirectory(grantorCode)), TimeSpan.Zero) : null;

    public async Task SaveExportAsync(string grantorCode, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Root(grantorCode), "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            await UnpackAsync(files, staging, keepBoth: false, cancellationToken);
            if (!File.Exists(Path.Combine(staging, Pgb1ExportReader.ExportFile)) || !File.Exists(Path.Combine(staging, Pgb1ExportReader.ManifestFile)))
            {
                throw new UploadException($"Dit is geen PGB1-export: {Pgb1ExportReader.ExportFile} en {Pgb1ExportReader.ManifestFile} ontbreken. Upload de map van de export als zip, of alle bestanden ervan.");
            }

            var target = ExportDirectory(grantorCode);
            var previous = target + "-previous-" + Guid.NewGuid().ToString("N");
            if (Directory.Exists(target))
            {
                Directory.Move(target, previous);
            }

            Directory.Move(staging, target);
            if (Directory.Exists(previous))
            {
                Directory.Delete(previous, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Unpacks uploaded 501s into a new folder the caller deletes when done.</summary>
    public async Task<string> UnpackMessagesAsync(string grantorCode, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root(grantorCode), "501-" + Guid.NewGuid().ToString("N"));
        try
        {
            await UnpackAsync(files, directory, keepBoth: true, cancellationToken);
            if (!Directory.EnumerateFiles(directory, "*.xml").Any())
            {
                throw new UploadException("Er zit geen 501-bericht (.xml) in deze upload.");
            }

            return directory;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <param name="keepBoth">Two files of one name (from different folders of a zip): keep both (messages) or refuse (an export).</param>
    private async Task UnpackAsync(IReadOnlyList<UploadedFile> files, string directory, bool keepBoth, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            throw new UploadException("Kies een bestand om te uploaden.");
        }

        Directory.CreateDirectory(directory);
        long total = 0;
        foreach (var file in files)
        {
            if (file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using var zip = new ZipArchive(file.Content, ZipArchiveMode.Read, leaveOpen: true);
                    foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
                    {
                        await using var source = entry.Open();
                        total = await CopyAsync(source, directory, entry.Name, keepBoth, total, cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or EndOfStreamException)
                {
                    // A file too short for a zip's directory fails as a seek before its start, not as invalid data.
                    throw new UploadException($"{Path.GetFileName(file.Name)} is geen leesbaar zip-bestand.");
                }
            }
            else
            {
                total = await CopyAsync(file.Content, directory, file.Name, keepBoth, total, cancellationToken);
            }
        }
    }

    private async Task<long> CopyAsync(Stream source, string directory, string name, bool keepBoth, long total, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(name.Replace('\\', '/'));
        if (fileName.Length == 0 || fileName.StartsWith('.'))
        {
            return total;
        }

        var path = Path.Combine(directory, fileName);
        for (var n = 2; File.Exists(path); n++)
        {
            path = keepBoth
                ? Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(fileName)}-{n}{Path.GetExtension(fileName)}")
                : throw new UploadException($"De upload bevat {fileName} twee keer; een export heeft elk bestand één keer.");
        }

        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > options.MaxUploadBytes)
            {
                throw new UploadException($"De upload is groter dan {options.MaxUploadBytes / (1024 * 1024)} MB uitgepakt; gebruik voor zo'n export de opdrachtregel (openpgb conversion).");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private string Root(string grantorCode)
    {
        if (grantorCode.Length != 4 || !grantorCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A grantor code is four digits.", nameof(grantorCode));
        }

        return Path.Combine(options.UploadDirectory, grantorCode);
    }
}
