using System.Security.Cryptography;
using System.Text;
using OpenPgb.Core.Conversion;

namespace OpenPgb.Testing;

/// <summary>
/// A small, valid PGB1 export written by hand, line by line, so that a test can break exactly one thing: a line, a
/// header, the bytes of a file or the manifest. The manifest is computed from the files as written unless a test
/// replaces it.
/// </summary>
public sealed class Pgb1ExportFiles
{
    public const string Grantor = "0363";

    /// <summary>The data rows of each file (header not included), editable.</summary>
    public Dictionary<string, List<string>> Rows { get; } = new(StringComparer.Ordinal)
    {
        [Pgb1ExportReader.BudgetHoldersFile] =
        [
            "111222333;Vries;J.;1980-04-01;N;",
            "999990019;Bakker;A.;1975-09-12;J;WLZ",
        ],
        [Pgb1ExportReader.RepresentativesFile] = ["111222333;123456782;Vries;P.;02;S;J"],
        [Pgb1ExportReader.BudgetsFile] =
        [
            "B-1;111222333;02;2026-01-01;2026-12-31;1200000",
            "B-1;111222333;03;2026-01-01;2026-12-31;600000",
            "B-9;999990019;99;2026-01-01;2026-12-31;3000000",
        ],
        [Pgb1ExportReader.ProvidersFile] =
        [
            "ZV-1;O;Zorg Thuis BV;12345678;;NL91ABNA0417164300",
            "ZV-2;P;P. Jansen;;;NL20INGB0001234567",
        ],
        [Pgb1ExportReader.AgreementsFile] =
        [
            "OV-1;111222333;B-1;ZV-1;O;02,03;2026-01-01;2026-12-31;UUR;5000;;G",
            "OV-2;111222333;B-1;ZV-2;M;02;2026-01-01;2026-06-30;MAAND;;40000;B",
        ],
        [Pgb1ExportReader.ClaimsFile] =
        [
            "D-1;OV-1;02;2026-01-01;2026-01-31;10.5;52500;BET;F-1;2026-02-02",
            "D-2;OV-2;02;2026-01-01;2026-01-31;1;40000;BET;F-2;2026-02-03",
            "D-3;OV-1;03;2026-02-01;2026-02-28;4;20000;GOED;F-3;2026-03-02",
            "D-4;OV-1;02;2026-03-01;2026-03-31;2.25;11250;IND;F-4;2026-04-01",
            "D-5;OV-1;02;2026-03-01;2026-03-31;1;5000;AFG;F-5;2026-04-01",
        ],
        [Pgb1ExportReader.PaymentsFile] =
        [
            "P-1;D-1;2026-02-10;52500;NL91ABNA0417164300;PGB1-0001",
            "P-2;D-2;2026-02-10;40000;NL20INGB0001234567;PGB1-0002",
        ],
    };

    public string ExportRow { get; set; } = $"1;{Grantor};2026-03-31";

    /// <summary>Replaces the computed manifest rows when set.</summary>
    public List<string>? ManifestRows { get; set; }

    /// <summary>Byte-level changes to a file as the old system delivers it (a BOM, Windows-1252 bytes): the manifest covers them.</summary>
    public Dictionary<string, Func<byte[], byte[]>> Bytes { get; } = new(StringComparer.Ordinal);

    /// <summary>Damage done after the manifest was made (a file cut short in transfer): the manifest does not know it.</summary>
    public Dictionary<string, Func<byte[], byte[]>> Damage { get; } = new(StringComparer.Ordinal);

    /// <summary>Headers to write instead of the contract's.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    public string Write()
    {
        var directory = Directory.CreateTempSubdirectory("openpgb-pgb1-").FullName;
        var manifest = new List<string>();
        foreach (var file in Pgb1ExportReader.DataFiles)
        {
            var bytes = Write(directory, file, Rows[file]);
            manifest.Add($"{file};{Rows[file].Count};{ControlTotal(file)};{Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        }

        Write(directory, Pgb1ExportReader.ManifestFile, ManifestRows ?? manifest);
        Write(directory, Pgb1ExportReader.ExportFile, [ExportRow]);
        return directory;
    }

    private byte[] Write(string directory, string file, IEnumerable<string> rows)
    {
        var header = Headers.GetValueOrDefault(file, Pgb1ExportReader.Headers[file]);
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", [header, .. rows]) + "\n");
        if (Bytes.TryGetValue(file, out var change))
        {
            bytes = change(bytes);
        }

        File.WriteAllBytes(Path.Combine(directory, file), Damage.TryGetValue(file, out var damage) ? damage(bytes) : bytes);
        return bytes;
    }

    private long ControlTotal(string file)
    {
        long Sum(int column) => Rows[file].Select(r => r.Split(';')).Where(f => f.Length > column && f[column].Length > 0 && long.TryParse(f[column], out _)).Sum(f => long.Parse(f[column], System.Globalization.CultureInfo.InvariantCulture));
        return file switch
        {
            Pgb1ExportReader.BudgetsFile => Sum(5),
            Pgb1ExportReader.ClaimsFile => Sum(6),
            Pgb1ExportReader.PaymentsFile => Sum(3),
            Pgb1ExportReader.AgreementsFile => Sum(9) + Sum(10),
            _ => 0,
        };
    }
}
