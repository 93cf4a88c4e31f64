using System.IO.Compression;
using OpenPgb.Core.Conversion;

namespace OpenPgb.Core.Demo;

/// <summary>
/// The rehearsal of a tranche: two demo municipalities that are still on PGB1 (in the demo seed, not live), and their
/// exports and 501s written by <see cref="Pgb1DemoExport"/>. The seed gives each an employee login and the first budget
/// holder of the first a citizen login, so the whole path can be walked in the portal.
/// </summary>
public static class DemoConversion
{
    public const int Seed = 2026;

    public static IReadOnlyList<(string Code, string Name, string EmployeeLogin)> Grantors { get; } =
    [
        ("0599", "Gemeente Rotterdam", "medewerker.rotterdam"),
        ("0518", "Gemeente 's-Gravenhage", "medewerker.denhaag"),
    ];

    public const string CitizenLogin = "budgethouder.rotterdam";

    public static bool IsRehearsalLogin(string userName) => userName == CitizenLogin || Grantors.Any(g => g.EmployeeLogin == userName);

    /// <summary>Zorg Op Maat B.V. of the demo seed: the export knows it under another IBAN (a warning, not a stop).</summary>
    public static (string KvkNumber, string Name) KnownProvider { get; } = ("68750110", "Zorg Op Maat B.V.");

    public static Pgb1DemoOptions Options(string grantorCode, DateOnly referenceDate, int budgetHolders) =>
        new(grantorCode, referenceDate, budgetHolders, AgreementsPerHolder: 2, Months: 24, Seed, WithDifferences: true, KnownProvider);

    /// <summary>The demo's reference date: the last day of the month before <paramref name="today"/>.</summary>
    public static DateOnly ReferenceDate(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddDays(-1);

    /// <summary>Writes both municipalities' files under <paramref name="directory"/>/&lt;code&gt;/, with a zip of each folder for upload.</summary>
    public static async Task<IReadOnlyList<(string Code, Pgb1DemoFiles Files)>> WriteAsync(string directory, DateOnly today, int budgetHolders, CancellationToken cancellationToken)
    {
        var written = new List<(string, Pgb1DemoFiles)>();
        foreach (var (code, _, _) in Grantors)
        {
            var target = Path.Combine(directory, code);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            var files = await Pgb1DemoExport.WriteAsync(Options(code, ReferenceDate(today), budgetHolders), target, cancellationToken);
            foreach (var folder in new[] { files.ExportDirectory, files.GrantsDirectory, files.CorrectionsDirectory }.OfType<string>())
            {
                ZipFile.CreateFromDirectory(folder, folder + ".zip");
            }

            written.Add((code, files));
        }

        return written;
    }
}
