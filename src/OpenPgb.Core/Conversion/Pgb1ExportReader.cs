using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenPgb.Core.CareAgreements;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// What reading an export gave: every finding, and the parsed export when the files themselves are sound (null when a
/// file is missing, unreadable or disagrees with the manifest). An export with blocking findings is there for the
/// report only: <see cref="HasBlockingFindings"/> means nothing of it may be applied. Disposing it removes the export's
/// workspace.
/// </summary>
public sealed record Pgb1ReadResult(Pgb1Export? Export, IReadOnlyList<ConversionFinding> Findings) : IDisposable
{
    public bool HasBlockingFindings => Findings.Any(f => f.Severity == FindingSeverity.Blocking);

    public void Dispose() => Export?.Workspace.Dispose();
}

/// <summary>
/// Reads a PGB1 export directory to the contract of CONVERSION.md: strict UTF-8 (a BOM allowed), the exact header
/// rows, the column count of every row, every field's format, and each data file against the manifest (rows,
/// control total, SHA-256 computed while the file streams by). Trailing empty lines are allowed. When the files are
/// sound, the export's own consistency is checked by <see cref="Pgb1ExportChecks"/>. Nothing here touches the database.
/// The claims and payments stream into a <see cref="Pgb1Workspace"/> instead of memory, and no file lists more than
/// <see cref="MaxListedPerFile"/> findings of its rows (then one line says how many more): a 500 MB export, sound or
/// wholly wrong, is read in bounded memory.
/// </summary>
public static class Pgb1ExportReader
{
    public const string FormatVersion = "1";

    /// <summary>How many findings of one file's rows (or of one check) are listed before the rest is only counted.</summary>
    public const int MaxListedPerFile = 1_000;

    public const string ExportFile = "export.csv";
    public const string ManifestFile = "manifest.csv";
    public const string BudgetHoldersFile = "budgethouders.csv";
    public const string RepresentativesFile = "vertegenwoordigers.csv";
    public const string BudgetsFile = "budgetten.csv";
    public const string ProvidersFile = "zorgverleners.csv";
    public const string AgreementsFile = "zorgovereenkomsten.csv";
    public const string ClaimsFile = "declaraties.csv";
    public const string PaymentsFile = "betalingen.csv";

    /// <summary>The header row of every file, exactly.</summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ExportFile] = "formaatversie;verstrekker;peildatum",
        [ManifestFile] = "bestand;regels;controletotaal_centen;sha256",
        [BudgetHoldersFile] = "bsn;achternaam;voorletters;geboortedatum;blijft_in_pgb1;reden",
        [RepresentativesFile] = "bsn_budgethouder;bsn;achternaam;voorletters;rol;rechten;correspondentie",
        [BudgetsFile] = "budgetidentificatie;bsn;zorgfunctie;begindatum;einddatum;bedrag_centen",
        [ProvidersFile] = "zorgverlener;soort;naam;kvk;agb;iban",
        [AgreementsFile] = "overeenkomst;bsn;budgetidentificatie;zorgverlener;soort;zorgfuncties;begindatum;einddatum;eenheid;tarief_centen;vast_maandbedrag_centen;status",
        [ClaimsFile] = "declaratie;overeenkomst;zorgfunctie;begindatum;einddatum;eenheden;bedrag_centen;status;factuurnummer;ingediend_op",
        [PaymentsFile] = "betaling;declaratie;betaaldatum;bedrag_centen;iban;referentie",
    };

    /// <summary>The seven data files the manifest accounts for, in the order they are read.</summary>
    public static IReadOnlyList<string> DataFiles { get; } =
        [BudgetHoldersFile, RepresentativesFile, BudgetsFile, ProvidersFile, AgreementsFile, ClaimsFile, PaymentsFile];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<Pgb1ReadResult> ReadAsync(string directory, string grantorCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var findings = new List<ConversionFinding>();
        var export = await ReadSmallFileAsync(directory, ExportFile, findings, cancellationToken);
        if (export is null)
        {
            return new(null, findings);
        }

        if (export.Count != 1)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Columns, ExportFile, $"{ExportFile} heeft precies één regel onder de kopregel, niet {export.Count}."));
            return new(null, findings);
        }

        var (exportLine, exportFields) = export[0];
        if (exportFields[0] != FormatVersion)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.FormatVersion, ExportFile, $"Formaatversie '{exportFields[0]}' kennen wij niet; wij lezen versie {FormatVersion}."));
            return new(null, findings);
        }

        if (exportFields[1] != grantorCode)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.OtherGrantor, ExportFile, $"Dit is de export van verstrekker {exportFields[1]}, niet van {grantorCode}."));
            return new(null, findings);
        }

        if (!TryDate(exportFields[2], out var referenceDate))
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Field, exportLine.ToString(), "De peildatum is geen datum (jjjj-mm-dd)."));
            return new(null, findings);
        }

        var manifest = await ReadManifestAsync(directory, findings, cancellationToken);
        if (manifest is null)
        {
            return new(null, findings);
        }

        var rows = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var workspace = Pgb1Workspace.Create();
        try
        {
            foreach (var file in DataFiles)
            {
                switch (file)
                {
                    case ClaimsFile:
                        using (var claims = workspace.LoadClaims())
                        {
                            await ReadDataFileAsync(directory, file, manifest[file], findings, row => claims.Add((Pgb1Claim)row), cancellationToken);
                            claims.Complete();
                        }

                        break;
                    case PaymentsFile:
                        using (var payments = workspace.LoadPayments())
                        {
                            await ReadDataFileAsync(directory, file, manifest[file], findings, row => payments.Add((Pgb1Payment)row), cancellationToken);
                            payments.Complete();
                        }

                        break;
                    default:
                        var list = rows[file] = [];
                        await ReadDataFileAsync(directory, file, manifest[file], findings, list.Add, cancellationToken);
                        break;
                }
            }

            if (findings.Any(f => f.Severity == FindingSeverity.Blocking))
            {
                workspace.Dispose();
                return new(null, findings);
            }

            var parsed = new Pgb1Export(
                grantorCode,
                referenceDate,
                [.. rows[BudgetHoldersFile].Cast<Pgb1BudgetHolder>()],
                [.. rows[RepresentativesFile].Cast<Pgb1Representative>()],
                [.. rows[BudgetsFile].Cast<Pgb1Budget>()],
                [.. rows[ProvidersFile].Cast<Pgb1Provider>()],
                [.. rows[AgreementsFile].Cast<Pgb1Agreement>()],
                workspace);
            findings.AddRange(Pgb1ExportChecks.FindingsOf(parsed));
            return new(parsed, findings);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private sealed record ManifestEntry(long Rows, long ControlTotalCents, string Sha256);

    private static async Task<Dictionary<string, ManifestEntry>?> ReadManifestAsync(string directory, List<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        var lines = await ReadSmallFileAsync(directory, ManifestFile, findings, cancellationToken);
        if (lines is null)
        {
            return null;
        }

        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var (line, fields) in lines)
        {
            if (!DataFiles.Contains(fields[0], StringComparer.Ordinal))
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, line.ToString(), $"Het manifest noemt '{fields[0]}', geen bestand van de export."));
            }
            else if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !long.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var total)
                || fields[3].Length != 64 || !fields[3].All(char.IsAsciiHexDigitLower))
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.Field, line.ToString(), "Regels, controletotaal of sha256 (64 tekens, kleine letters) is onleesbaar."));
            }
            else if (!entries.TryAdd(fields[0], new ManifestEntry(count, total, fields[3])))
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, line.ToString(), $"Het manifest noemt {fields[0]} twee keer."));
            }
        }

        foreach (var missing in DataFiles.Where(f => !entries.ContainsKey(f)))
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, ManifestFile, $"Het manifest noemt {missing} niet."));
        }

        return findings.Any(f => f.Severity == FindingSeverity.Blocking) ? null : entries;
    }

    /// <summary>export.csv and manifest.csv: read whole (a few lines), header and columns checked.</summary>
    private static async Task<List<(Pgb1Line Line, string[] Fields)>?> ReadSmallFileAsync(string directory, string file, List<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        var result = new List<(Pgb1Line, string[])>();
        var ok = await StreamAsync(directory, file, findings, (line, fields, _) => result.Add((line, fields)), cancellationToken);
        return ok is null ? null : result;
    }

    private static async Task ReadDataFileAsync(string directory, string file, ManifestEntry expected, List<ConversionFinding> findings, Action<object> add, CancellationToken cancellationToken)
    {
        long controlTotal = 0;
        var parse = Parsers[file];
        var before = findings.Count;
        var read = await StreamAsync(
            directory,
            file,
            findings,
            (line, fields, listed) =>
            {
                try
                {
                    var (row, cents) = parse(line, fields);
                    add(row);
                    controlTotal += cents;
                }
                catch (FieldException bad)
                {
                    listed.Add(ConversionFinding.Blocking(FindingKinds.Field, line.ToString(), bad.Message));
                }
            },
            cancellationToken);
        if (read is not { } facts)
        {
            return;
        }

        if (facts.Rows != expected.Rows)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, file, $"{file} heeft {facts.Rows} regels, het manifest zegt {expected.Rows}."));
        }

        if (facts.Sha256 != expected.Sha256)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, file, $"De sha256 van {file} klopt niet met het manifest: het bestand is onvolledig of gewijzigd."));
        }

        if (findings.Skip(before).All(f => f.Kind != FindingKinds.Field) && controlTotal != expected.ControlTotalCents)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Manifest, file, $"Het controletotaal van {file} is {controlTotal} cent, het manifest zegt {expected.ControlTotalCents}."));
        }
    }

    /// <summary>The findings of one file's rows: the first <see cref="MaxListedPerFile"/> listed, the rest counted in one closing finding.</summary>
    private sealed class ListedFindings(List<ConversionFinding> findings, string file)
    {
        private int _listed;
        private long _more;
        private string _kind = FindingKinds.Field;

        public void Add(ConversionFinding finding)
        {
            if (_listed < MaxListedPerFile)
            {
                findings.Add(finding);
                _listed++;
            }
            else
            {
                _more++;
                _kind = finding.Kind;
            }
        }

        public void Close()
        {
            if (_more > 0)
            {
                findings.Add(ConversionFinding.Blocking(_kind, file, $"En nog {_more} regels van {file} met een fout; de eerste {MaxListedPerFile} staan hierboven."));
            }
        }
    }

    private readonly record struct StreamFacts(long Rows, string Sha256);

    /// <summary>
    /// Streams one file line by line through a strict UTF-8 decoder and a SHA-256 of its bytes; checks the header and
    /// the column count of each row and hands each row on. Null when the file is missing, unreadable or wrongly shaped.
    /// </summary>
    private static async Task<StreamFacts?> StreamAsync(string directory, string file, List<ConversionFinding> findings, Action<Pgb1Line, string[], ListedFindings> row, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.File, file, $"{file} ontbreekt in de export."));
            return null;
        }

        var header = Headers[file];
        var columns = header.Count(c => c == ';') + 1;
        using var sha = SHA256.Create();
        long rows = 0;
        var lineNumber = 0;
        var blankSince = 0;
        var before = findings.Count;
        var listed = new ListedFindings(findings, file);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        await using (var hashing = new CryptoStream(stream, sha, CryptoStreamMode.Read, leaveOpen: true))
        using (var reader = new StreamReader(hashing, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16))
        {
            try
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } text)
                {
                    lineNumber++;
                    var line = new Pgb1Line(file, lineNumber);
                    if (lineNumber == 1)
                    {
                        // A UTF-8 byte-order mark is allowed (and only that: no other encoding is detected).
                        if (text.TrimStart('\uFEFF') != header)
                        {
                            findings.Add(ConversionFinding.Blocking(FindingKinds.Header, line.ToString(), $"De kopregel van {file} moet precies '{header}' zijn."));
                            return null;
                        }

                        continue;
                    }

                    if (text.Length == 0)
                    {
                        blankSince = blankSince == 0 ? lineNumber : blankSince;
                        continue;
                    }

                    if (blankSince != 0)
                    {
                        listed.Add(ConversionFinding.Blocking(FindingKinds.Columns, new Pgb1Line(file, blankSince).ToString(), "Een lege regel midden in het bestand."));
                        blankSince = 0;
                    }

                    var fields = text.Split(';');
                    if (fields.Length != columns)
                    {
                        listed.Add(ConversionFinding.Blocking(FindingKinds.Columns, line.ToString(), $"{fields.Length} kolommen, verwacht {columns}."));
                        continue;
                    }

                    rows++;
                    row(line, fields, listed);
                }
            }
            catch (DecoderFallbackException)
            {
                var badLine = await FirstInvalidUtf8LineAsync(path, cancellationToken);
                findings.Add(ConversionFinding.Blocking(FindingKinds.Encoding, new Pgb1Line(file, badLine).ToString(), $"{file} is geen geldige UTF-8 (bijvoorbeeld Windows-1252) vanaf deze regel; lever het bestand in UTF-8 aan."));
                return null;
            }

            // Drain what the reader left, so the hash covers every byte of the file.
            await hashing.CopyToAsync(Stream.Null, cancellationToken);
            listed.Close();
        }

        if (lineNumber == 0)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Header, file, $"{file} is leeg; de kopregel ontbreekt."));
            return null;
        }

        return findings.Count > before && findings.Skip(before).Any(f => f.Kind is FindingKinds.Header or FindingKinds.Encoding)
            ? null
            : new StreamFacts(rows, Convert.ToHexStringLower(sha.Hash!));
    }

    /// <summary>The line of the first byte sequence that is not UTF-8 (the decoder reads ahead, so it cannot tell).</summary>
    private static async Task<int> FirstInvalidUtf8LineAsync(string path, CancellationToken cancellationToken)
    {
        var line = 1;
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        var carried = 0;
        await using var stream = File.OpenRead(path);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carried), cancellationToken);
            var length = carried + read;
            var final = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || final)
            {
                return line;
            }

            // An incomplete sequence at the end of the block is carried into the next read.
            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }
    }

    private delegate (object Row, long Cents) RowParser(Pgb1Line line, string[] fields);

    private static readonly Dictionary<string, RowParser> Parsers = new(StringComparer.Ordinal)
    {
        [BudgetHoldersFile] = (line, f) =>
        {
            var stays = YesNo(f[4], "blijft_in_pgb1");
            StragglerReason? reason = f[5] switch
            {
                "" when !stays => null,
                "WLZ" when stays => StragglerReason.Wlz,
                "ZVW" when stays => StragglerReason.Zvw,
                "OVERIG" when stays => StragglerReason.Other,
                _ => throw new FieldException(stays ? "Kolom reden: WLZ, ZVW of OVERIG bij blijft_in_pgb1 = J." : "Kolom reden is leeg bij blijft_in_pgb1 = N."),
            };
            return (new Pgb1BudgetHolder(line, Required(f[0], "bsn"), Required(f[1], "achternaam"), f[2], Date(f[3], "geboortedatum"), stays, reason), 0);
        },
        [RepresentativesFile] = (line, f) =>
        {
            var role = f[4] is "01" or "02" or "03" or "04" or "05" ? f[4] : throw new FieldException($"Kolom rol: 01 tot en met 05, niet '{f[4]}'.");
            var write = f[5] switch
            {
                "S" => true,
                "L" => false,
                _ => throw new FieldException($"Kolom rechten: L (lezen) of S (schrijven), niet '{f[5]}'."),
            };
            return (new Pgb1Representative(line, Required(f[0], "bsn_budgethouder"), Required(f[1], "bsn"), Required(f[2], "achternaam"), f[3], role, write, YesNo(f[6], "correspondentie")), 0);
        },
        [BudgetsFile] = (line, f) =>
        {
            var amount = Cents(f[5], "bedrag_centen");
            var budget = new Pgb1Budget(line, Required(f[0], "budgetidentificatie"), Required(f[1], "bsn"), CareFunction(f[2], "zorgfunctie"), Date(f[3], "begindatum"), Date(f[4], "einddatum"), amount);
            return budget.EndDate < budget.StartDate ? throw new FieldException("De einddatum ligt vóór de begindatum.") : (budget, amount);
        },
        [ProvidersFile] = (line, f) =>
        {
            var kind = f[1] switch
            {
                "O" => Pgb1ProviderKind.Organisation,
                "P" => Pgb1ProviderKind.Person,
                _ => throw new FieldException($"Kolom soort: O (organisatie) of P (persoon), niet '{f[1]}'."),
            };
            var kvk = Optional(f[3]);
            if (kind == Pgb1ProviderKind.Organisation && (kvk is null || kvk.Length != 8 || !kvk.All(char.IsAsciiDigit)))
            {
                throw new FieldException("Een organisatie heeft een KvK-nummer van 8 cijfers.");
            }

            return (new Pgb1Provider(line, Required(f[0], "zorgverlener"), kind, Required(f[2], "naam"), kvk, Optional(f[4]), Required(f[5], "iban")), 0);
        },
        [AgreementsFile] = (line, f) =>
        {
            var type = f[4] switch
            {
                "A" => AgreementType.Employment,
                "O" => AgreementType.Assignment,
                "I" => AgreementType.CareInstitution,
                "M" => AgreementType.InformalCarer,
                _ => throw new FieldException($"Kolom soort: A, O, I of M, niet '{f[4]}'."),
            };
            var unit = f[8] switch
            {
                "UUR" => TariffUnit.Hour,
                "DAGDEEL" => TariffUnit.DayPart,
                "DAG" => TariffUnit.Day,
                "MAAND" => TariffUnit.Month,
                "STUK" => TariffUnit.Piece,
                _ => throw new FieldException($"Kolom eenheid: UUR, DAGDEEL, DAG, MAAND of STUK, niet '{f[8]}'."),
            };
            var status = f[11] switch
            {
                "G" => Pgb1AgreementStatus.InForce,
                "B" => Pgb1AgreementStatus.Ended,
                _ => throw new FieldException($"Kolom status: G (goedgekeurd) of B (beëindigd), niet '{f[11]}'."),
            };
            var functions = f[5].Split(',');
            if (functions.Length == 0 || functions.Any(c => !IsCareFunctionCode(c)) || functions.Distinct(StringComparer.Ordinal).Count() != functions.Length)
            {
                throw new FieldException($"Kolom zorgfuncties: codes van twee cijfers, gescheiden door komma's, niet '{f[5]}'.");
            }

            long? tariff = f[9].Length == 0 ? null : Cents(f[9], "tarief_centen");
            long? fixedMonthly = f[10].Length == 0 ? null : Cents(f[10], "vast_maandbedrag_centen");
            if ((tariff is null) == (fixedMonthly is null))
            {
                throw new FieldException("Vul een tarief of een vast maandbedrag in, niet allebei of geen van beide.");
            }

            var agreement = new Pgb1Agreement(
                line, Required(f[0], "overeenkomst"), Required(f[1], "bsn"), Required(f[2], "budgetidentificatie"), Required(f[3], "zorgverlener"), type, functions,
                Date(f[6], "begindatum"), Date(f[7], "einddatum"), unit, tariff, fixedMonthly, status);
            return agreement.EndDate < agreement.StartDate ? throw new FieldException("De einddatum ligt vóór de begindatum.") : (agreement, (tariff ?? 0) + (fixedMonthly ?? 0));
        },
        [ClaimsFile] = (line, f) =>
        {
            var status = f[7] switch
            {
                "BET" => Pgb1ClaimStatus.Paid,
                "GOED" => Pgb1ClaimStatus.Approved,
                "IND" => Pgb1ClaimStatus.Submitted,
                "AFG" => Pgb1ClaimStatus.Rejected,
                _ => throw new FieldException($"Kolom status: BET, GOED, IND of AFG, niet '{f[7]}'."),
            };
            var amount = Cents(f[6], "bedrag_centen");
            var claim = new Pgb1Claim(
                line, Required(f[0], "declaratie"), Required(f[1], "overeenkomst"), CareFunction(f[2], "zorgfunctie"), Date(f[3], "begindatum"), Date(f[4], "einddatum"),
                Units(f[5]), amount, status, Required(f[8], "factuurnummer"), Date(f[9], "ingediend_op"));
            return claim.EndDate < claim.StartDate ? throw new FieldException("De einddatum ligt vóór de begindatum.") : (claim, amount);
        },
        [PaymentsFile] = (line, f) =>
        {
            var amount = Cents(f[3], "bedrag_centen");
            return (new Pgb1Payment(line, Required(f[0], "betaling"), Required(f[1], "declaratie"), Date(f[2], "betaaldatum"), amount, Required(f[4], "iban"), Required(f[5], "referentie")), amount);
        },
    };

    private static string Required(string value, string column) =>
        value.Length > 0 ? value : throw new FieldException($"Kolom {column} is leeg.");

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static bool YesNo(string value, string column) => value switch
    {
        "J" => true,
        "N" => false,
        _ => throw new FieldException($"Kolom {column}: J of N, niet '{value}'."),
    };

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static DateOnly Date(string value, string column) =>
        TryDate(value, out var date) ? date : throw new FieldException($"Kolom {column} is geen datum (jjjj-mm-dd).");

    private static long Cents(string value, string column) =>
        value.Length is > 0 and <= 15 && value.All(char.IsAsciiDigit)
            ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FieldException($"Kolom {column}: een bedrag in hele centen, niet '{value}'.");

    private static decimal Units(string value)
    {
        var parts = value.Split('.');
        var valid = parts.Length is 1 or 2 && parts[0].Length is > 0 and <= 6 && parts[0].All(char.IsAsciiDigit)
            && (parts.Length == 1 || (parts[1].Length is 1 or 2 && parts[1].All(char.IsAsciiDigit)));
        return valid ? decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : throw new FieldException($"Kolom eenheden: een getal met een punt en hoogstens twee decimalen, niet '{value}'.");
    }

    private static bool IsCareFunctionCode(string value) => value.Length == 2 && value.All(char.IsAsciiDigit);

    private static string CareFunction(string value, string column) =>
        IsCareFunctionCode(value) ? value : throw new FieldException($"Kolom {column}: een code van twee cijfers, niet '{value}'.");

    private sealed class FieldException(string message) : Exception(message);
}
