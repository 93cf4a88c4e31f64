using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Conversion;

/// <summary>What to generate: one grantor's PGB1 export and its 501s.</summary>
/// <param name="Months">Months of claim history per agreement up to the reference date: claims = agreements × months.</param>
/// <param name="WithDifferences">
/// Put the kinds of difference a real tranche meets into the 501s (an amount, a period, a budget the grantor never
/// sent, a budget holder PGB1 does not know) and write the 501s that correct the first three to a second directory.
/// </param>
/// <param name="KnownProvider">An organisation OpenPgb already has (KvK, name): it appears in the export with another IBAN.</param>
public sealed record Pgb1DemoOptions(
    string GrantorCode,
    DateOnly ReferenceDate,
    int BudgetHolders,
    int AgreementsPerHolder = 2,
    int Months = 24,
    int Seed = 1,
    bool WithDifferences = true,
    (string KvkNumber, string Name)? KnownProvider = null);

/// <summary>Where the files went and what is in them, for the operator's walkthrough and the benchmark.</summary>
public sealed record Pgb1DemoFiles(
    string ExportDirectory,
    string GrantsDirectory,
    string? CorrectionsDirectory,
    int BudgetHolders,
    int Stragglers,
    int Agreements,
    long Claims,
    long Payments,
    string FirstBudgetHolderBsn);

/// <summary>
/// Writes a realistic PGB1 export (CONVERSION.md) and the grantor's matching 501s, deterministic for a seed: budget
/// holders with representatives, a few stragglers, organisations and informal carers as providers, agreements by the
/// hour or by the month, a claim per agreement per month (paid with its payment, the last month approved and the
/// current one submitted, now and then one rejected) and budgets per care function and year that cover them. Rows are
/// written as they are made, one budget holder at a time, so a million claims take no more memory than ten; the
/// manifest is computed from the files as written. Used by <c>openpgb demo conversion</c>, the tests and the benchmark.
/// BSNs come only from the test range 999xxxxxx.
/// </summary>
public static class Pgb1DemoExport
{
    private static readonly string[] Surnames =
    [
        "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van Dijk", "Schouten", "Willems",
    ];

    private static readonly string[] Banks = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"];

    private static readonly string[] CareFunctions = ["01", "02", "03", "04", "05", "06", "07", "08"];

    public static async Task<Pgb1DemoFiles> WriteAsync(Pgb1DemoOptions options, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BudgetHolders < 4 || options.AgreementsPerHolder < 1 || options.Months < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At least 4 budget holders, 1 agreement each and 3 months of history.");
        }

        var exportDirectory = Path.Combine(directory, "export");
        var grantsDirectory = Path.Combine(directory, "501");
        var correctionsDirectory = options.WithDifferences ? Path.Combine(directory, "501-correcties") : null;
        Directory.CreateDirectory(exportDirectory);
        Directory.CreateDirectory(grantsDirectory);
        if (correctionsDirectory is not null)
        {
            Directory.CreateDirectory(correctionsDirectory);
        }

        var generator = new Generator(options);
        var files = Pgb1ExportReader.DataFiles.ToDictionary(f => f, f => new ExportFileWriter(Path.Combine(exportDirectory, f), Pgb1ExportReader.Headers[f]), StringComparer.Ordinal);
        try
        {
            foreach (var provider in generator.Providers)
            {
                files[Pgb1ExportReader.ProvidersFile].Row(provider.Row, 0);
            }

            for (var i = 1; i <= options.BudgetHolders; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var holder = generator.Holder(i);
                var budgets = generator.WriteRows(holder, files);
                foreach (var (name, message) in generator.Messages(holder, budgets))
                {
                    var target = name.StartsWith("correctie", StringComparison.Ordinal) ? correctionsDirectory! : grantsDirectory;
                    await File.WriteAllBytesAsync(Path.Combine(target, name + ".xml"), Message501Writer.Write(message), cancellationToken);
                }
            }

            if (options.WithDifferences)
            {
                var stranger = generator.StrangerMessage();
                await File.WriteAllBytesAsync(Path.Combine(grantsDirectory, "alleen-verstrekker.xml"), Message501Writer.Write(stranger), cancellationToken);
            }
        }
        finally
        {
            foreach (var file in files.Values)
            {
                await file.DisposeAsync();
            }
        }

        var manifest = new StringBuilder(Pgb1ExportReader.Headers[Pgb1ExportReader.ManifestFile]).Append('\n');
        foreach (var name in Pgb1ExportReader.DataFiles)
        {
            var file = files[name];
            await using var stream = File.OpenRead(Path.Combine(exportDirectory, name));
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            manifest.Append(CultureInfo.InvariantCulture, $"{name};{file.Rows};{file.ControlTotalCents};{hash}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(exportDirectory, Pgb1ExportReader.ManifestFile), manifest.ToString(), cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(exportDirectory, Pgb1ExportReader.ExportFile),
            $"{Pgb1ExportReader.Headers[Pgb1ExportReader.ExportFile]}\n{Pgb1ExportReader.FormatVersion};{options.GrantorCode};{options.ReferenceDate:yyyy-MM-dd}\n",
            cancellationToken);

        return new Pgb1DemoFiles(
            exportDirectory,
            grantsDirectory,
            correctionsDirectory,
            options.BudgetHolders,
            generator.Stragglers,
            generator.Agreements,
            files[Pgb1ExportReader.ClaimsFile].Rows,
            files[Pgb1ExportReader.PaymentsFile].Rows,
            generator.FirstHolderBsn);
    }

    /// <summary>The BSN of the first budget holder of a demo export: never a straggler, never in a difference.</summary>
    public static string FirstBudgetHolderBsn(Pgb1DemoOptions options) => new Generator(options).FirstHolderBsn;

    /// <summary>An IBAN of the Netherlands with correct check digits.</summary>
    public static string DutchIban(string bank, long account) =>
        Iban.Create("NL", bank + account.ToString("D10", CultureInfo.InvariantCulture));

    private sealed record Provider(string Number, bool IsOrganisation, string Name, string Iban, string Row);

    private sealed record Agreement(string Number, Provider Provider, string[] CareFunctions, DateOnly Start, DateOnly End, bool Ended, long? TariffCents, long? FixedMonthlyCents);

    private sealed record Holder(int Index, string Bsn, PersonName Name, DateOnly BirthDate, bool StaysInPgb1, string BudgetKey, string[] CareFunctions, List<RepresentativeRecord> Representatives, List<Agreement> Agreements);

    /// <summary>One claim of the history, with what the old system did with it.</summary>
    private sealed record HistoricClaim(string Number, Agreement Agreement, string CareFunction, DateOnly Start, DateOnly End, decimal Units, long AmountCents, Pgb1ClaimStatus Status, DateOnly SubmittedOn);

    private sealed class Generator
    {
        private readonly Pgb1DemoOptions _options;
        private readonly Random _random;
        private readonly HashSet<string> _bsns = [];
        private readonly DateOnly _firstMonth;
        private long _payments;

        public Generator(Pgb1DemoOptions options)
        {
            _options = options;
            _random = new Random(options.Seed * 7919 + int.Parse(options.GrantorCode, CultureInfo.InvariantCulture));
            var referenceMonth = new DateOnly(options.ReferenceDate.Year, options.ReferenceDate.Month, 1);
            _firstMonth = referenceMonth.AddMonths(-(options.Months - 1));
            FirstHolderBsn = NextBsn();
            Providers = [.. Enumerable.Range(1, Math.Max(3, options.BudgetHolders / 4)).Select(NextProvider)];
        }

        public string FirstHolderBsn { get; }

        public IReadOnlyList<Provider> Providers { get; }

        public int Stragglers { get; private set; }

        public int Agreements { get; private set; }

        private string Code => _options.GrantorCode;

        public Holder Holder(int index)
        {
            var bsn = index == 1 ? FirstHolderBsn : NextBsn();
            var birthDate = new DateOnly(1940, 1, 1).AddDays(_random.Next(0, 365 * 60));
            // One in twenty-five stays on PGB1 for now (the 5th, the 30th, ...): never the first (the demo login) nor one with a difference.
            var stays = index % 25 == 5;
            Stragglers += stays ? 1 : 0;
            var functions = _random.Next(8) == 0
                ? [CareFunctionCodes.WholePackage]
                : CareFunctions.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).Order(StringComparer.Ordinal).ToArray();
            var representatives = new List<RepresentativeRecord>();
            if (_random.Next(3) == 0)
            {
                representatives.Add(new RepresentativeRecord(
                    _random.Next(2) == 0 ? "03" : "04",
                    NextBsn(),
                    birthDate.AddYears(-_random.Next(5, 25)),
                    NextName(),
                    _random.Next(4) == 0 ? RepresentativeRights.Read : RepresentativeRights.ReadWrite,
                    true));
            }

            var agreements = new List<Agreement>();
            for (var a = 1; a <= _options.AgreementsPerHolder; a++)
            {
                var provider = index == 1 && a == 1 ? Providers[0] : Providers[_random.Next(Providers.Count)];
                var careFunctions = functions[0] == CareFunctionCodes.WholePackage
                    ? [CareFunctions[_random.Next(CareFunctions.Length)]]
                    : functions.Where(_ => _random.Next(2) == 0).DefaultIfEmpty(functions[0]).ToArray();
                var ended = a > 1 && _random.Next(6) == 0;
                var end = ended
                    ? _firstMonth.AddMonths(_random.Next(1, _options.Months - 2)).AddDays(-1)
                    : new DateOnly(_options.ReferenceDate.Year, 12, 31);
                agreements.Add(new Agreement(
                    $"OV-{Code}-{index:D6}-{a}",
                    provider,
                    careFunctions,
                    _firstMonth,
                    end,
                    ended,
                    provider.IsOrganisation ? _random.Next(40, 70) * 100L : null,
                    provider.IsOrganisation ? null : _random.Next(20, 60) * 1000L));
            }

            Agreements += agreements.Count;
            var key = $"PGB{Code}{index:D7}";
            return new Holder(index, bsn, NextName(), birthDate, stays, key, functions, representatives, agreements);
        }

        /// <summary>Writes the holder's rows to every export file; returns the holder's budgets, which the 501s carry.</summary>
        public List<CareFunctionBudgetRecord> WriteRows(Holder holder, Dictionary<string, ExportFileWriter> files)
        {
            var name = holder.Name;
            var surname = name.Prefix is null ? name.Surname : $"{name.Prefix} {name.Surname}";
            files[Pgb1ExportReader.BudgetHoldersFile].Row(
                $"{holder.Bsn};{surname};{Dotted(name.Initials)};{holder.BirthDate:yyyy-MM-dd};{(holder.StaysInPgb1 ? "J" : "N")};{(holder.StaysInPgb1 ? Reason(holder.Index) : string.Empty)}", 0);
            foreach (var r in holder.Representatives)
            {
                var repSurname = r.Name.Prefix is null ? r.Name.Surname : $"{r.Name.Prefix} {r.Name.Surname}";
                files[Pgb1ExportReader.RepresentativesFile].Row(
                    $"{holder.Bsn};{r.Bsn};{repSurname};{Dotted(r.Name.Initials)};{r.Role};{(r.Rights == RepresentativeRights.Read ? "L" : "S")};{(r.ReceivesCorrespondence ? "J" : "N")}", 0);
            }

            var claims = Claims(holder).ToList();
            var budgets = Budgets(holder, claims).ToList();
            foreach (var budget in budgets)
            {
                files[Pgb1ExportReader.BudgetsFile].Row(
                    $"{holder.BudgetKey};{holder.Bsn};{budget.CareFunction};{budget.StartDate:yyyy-MM-dd};{budget.EndDate:yyyy-MM-dd};{budget.AmountCents}", budget.AmountCents);
            }

            foreach (var a in holder.Agreements)
            {
                var kind = a.Provider.IsOrganisation ? "O" : "M";
                var unit = a.Provider.IsOrganisation ? "UUR" : "MAAND";
                files[Pgb1ExportReader.AgreementsFile].Row(
                    $"{a.Number};{holder.Bsn};{holder.BudgetKey};{a.Provider.Number};{kind};{string.Join(',', a.CareFunctions)};{a.Start:yyyy-MM-dd};{a.End:yyyy-MM-dd};{unit};{a.TariffCents};{a.FixedMonthlyCents};{(a.Ended ? "B" : "G")}",
                    (a.TariffCents ?? 0) + (a.FixedMonthlyCents ?? 0));
            }

            foreach (var c in claims)
            {
                files[Pgb1ExportReader.ClaimsFile].Row(
                    $"{c.Number};{c.Agreement.Number};{c.CareFunction};{c.Start:yyyy-MM-dd};{c.End:yyyy-MM-dd};{c.Units.ToString("0.##", CultureInfo.InvariantCulture)};{c.AmountCents};{Pgb1Codes.Of(c.Status)};F{c.Number[2..]};{c.SubmittedOn:yyyy-MM-dd}",
                    c.AmountCents);
                if (c.Status == Pgb1ClaimStatus.Paid)
                {
                    _payments++;
                    var paidOn = c.SubmittedOn.AddDays(7);
                    files[Pgb1ExportReader.PaymentsFile].Row(
                        $"P-{Code}-{_payments:D9};{c.Number};{paidOn:yyyy-MM-dd};{c.AmountCents};{c.Agreement.Provider.Iban};PGB1-{Code}-{_payments:D9}", c.AmountCents);
                }
            }

            return budgets;
        }

        /// <summary>The grantor's 501s for a holder (none for a straggler), with the planted differences and their corrections.</summary>
        public IEnumerable<(string Name, Message501 Message)> Messages(Holder holder, List<CareFunctionBudgetRecord> budgets)
        {
            if (holder.StaysInPgb1)
            {
                yield break;
            }

            var sent = _options.ReferenceDate.AddDays(-14);
            var message = Message(holder, budgets, $"C{Code}{holder.Index:D7}", sent);
            if (!_options.WithDifferences || holder.Index is 1 or > 4)
            {
                yield return ($"{Code}-{holder.Index:D6}", message);
                yield break;
            }

            var correction = Message(holder, budgets, $"K{Code}{holder.Index:D7}", _options.ReferenceDate);
            switch (holder.Index)
            {
                case 2:
                    // BEDRAG: the grantor sent another amount for the last budget.
                    yield return ($"{Code}-{holder.Index:D6}", Message(holder, [.. budgets[..^1], budgets[^1] with { AmountCents = budgets[^1].AmountCents + 120_000 }], $"C{Code}{holder.Index:D7}", sent));
                    break;
                case 3:
                    // PERIODE: the grantor's last budget ends a month early.
                    yield return ($"{Code}-{holder.Index:D6}", Message(holder, [.. budgets[..^1], budgets[^1] with { EndDate = budgets[^1].EndDate.AddMonths(-1) }], $"C{Code}{holder.Index:D7}", sent));
                    break;
                default:
                    // ALLEEN_PGB1: the grantor never sent this budget.
                    break;
            }

            yield return ($"correctie-{Code}-{holder.Index:D6}", correction);
        }

        /// <summary>ALLEEN_VERSTREKKER: a budget holder the grantor has and PGB1 does not.</summary>
        public Message501 StrangerMessage()
        {
            var start = new DateOnly(_options.ReferenceDate.Year, 1, 1);
            // The identity and key end in 9999999, beyond any holder number the options allow.
            var holder = new Holder(0, NextBsn(), NextName(), new DateOnly(1960, 5, 5), false, $"PGB{Code}9999999", ["02"], [], []);
            return Message(holder, [new CareFunctionBudgetRecord("02", start, start.AddYears(1).AddDays(-1), 600_000, null)], $"C{Code}9999999", _options.ReferenceDate.AddDays(-14));
        }

        private Message501 Message(Holder holder, List<CareFunctionBudgetRecord> budgets, string identification, DateOnly sent)
        {
            var budget = new BudgetRecord(holder.BudgetKey, null, Law.Wmo, _firstMonth.AddDays(-30), budgets, holder.Representatives, null);
            // iPgb 2.0.2 knows no rights or correspondence: a budget with representatives goes as 2.3.
            return new Message501(
                holder.Index % 2 == 0 && holder.Representatives.Count == 0 ? IpgbVersion.V202 : IpgbVersion.V23,
                new MessageHeader("501", Code, "SVB", identification, sent),
                new ClientRecord(holder.Bsn, holder.BirthDate, holder.Name, budget));
        }

        /// <summary>A claim per agreement per month it runs: paid, then approved last month, submitted this month.</summary>
        private IEnumerable<HistoricClaim> Claims(Holder holder)
        {
            // The same draws every time for the same holder, so the 501s and the export agree.
            var random = new Random(HashCode.Combine(_options.Seed, holder.Index, Code.GetHashCode(StringComparison.Ordinal)));
            var referenceMonth = new DateOnly(_options.ReferenceDate.Year, _options.ReferenceDate.Month, 1);
            var serial = 0;
            foreach (var a in holder.Agreements)
            {
                for (var month = a.Start; month <= a.End && month <= referenceMonth; month = month.AddMonths(1))
                {
                    var monthEnd = month.AddMonths(1).AddDays(-1);
                    var status = month == referenceMonth ? Pgb1ClaimStatus.Submitted
                        : month == referenceMonth.AddMonths(-1) ? Pgb1ClaimStatus.Approved
                        : random.Next(60) == 0 ? Pgb1ClaimStatus.Rejected
                        : Pgb1ClaimStatus.Paid;
                    var units = a.TariffCents is null ? 1m : random.Next(16, 160) / 4m;
                    var amount = a.TariffCents is { } tariff ? (long)(units * tariff) : a.FixedMonthlyCents!.Value;
                    var submitted = month == referenceMonth ? _options.ReferenceDate : monthEnd.AddDays(random.Next(1, 6));
                    serial++;
                    yield return new HistoricClaim(
                        $"D-{Code}-{holder.Index:D6}-{serial:D4}",
                        a,
                        a.CareFunctions[random.Next(a.CareFunctions.Length)],
                        month,
                        monthEnd,
                        units,
                        amount,
                        status,
                        submitted);
                }
            }
        }

        /// <summary>
        /// One budget per care function over the whole history (the export's key is budget and care function), large
        /// enough that OpenPgb's pro-rata share of every calendar year covers what was claimed in it, with a margin.
        /// </summary>
        private IEnumerable<CareFunctionBudgetRecord> Budgets(Holder holder, IEnumerable<HistoricClaim> claims)
        {
            var wholePackage = holder.CareFunctions[0] == CareFunctionCodes.WholePackage;
            var claimed = claims
                .Where(c => c.Status != Pgb1ClaimStatus.Rejected)
                .GroupBy(c => (Code: wholePackage ? CareFunctionCodes.WholePackage : c.CareFunction, c.Start.Year))
                .ToDictionary(g => g.Key, g => g.Sum(c => c.AmountCents));
            var start = _firstMonth;
            var end = new DateOnly(_options.ReferenceDate.Year, 12, 31);
            var totalDays = end.DayNumber - start.DayNumber + 1;
            foreach (var code in holder.CareFunctions)
            {
                long needed = 0;
                for (var year = start.Year; year <= end.Year; year++)
                {
                    var from = year == start.Year ? start : new DateOnly(year, 1, 1);
                    var days = new DateOnly(year, 12, 31).DayNumber - from.DayNumber + 1;
                    needed = Math.Max(needed, claimed.GetValueOrDefault((code, year)) * 12 / 10 * totalDays / days);
                }

                var amount = ((needed / 10_000) + 12) * 10_000;
                yield return new CareFunctionBudgetRecord(code, start, end, amount, null);
            }
        }

        private Provider NextProvider(int number)
        {
            var id = $"ZV-{Code}-{number:D5}";
            var iban = DutchIban(Banks[_random.Next(Banks.Length)], _random.NextInt64(100_000_000, 9_999_999_999));
            if (number == 1 && _options.KnownProvider is { } known)
            {
                return new Provider(id, true, known.Name, iban, $"{id};O;{known.Name};{known.KvkNumber};;{iban}");
            }

            if (number % 3 != 0)
            {
                var name = $"Zorg {Surnames[_random.Next(Surnames.Length)]} {number} B.V.";
                var kvk = (_random.Next(1000, 9999) * 10_000 + number % 10_000).ToString("D8", CultureInfo.InvariantCulture);
                return new Provider(id, true, name, iban, $"{id};O;{name};{kvk};;{iban}");
            }

            var person = NextName();
            var display = $"{Dotted(person.Initials)} {(person.Prefix is null ? person.Surname : $"{person.Prefix} {person.Surname}")}";
            return new Provider(id, false, display, iban, $"{id};P;{display};;;{iban}");
        }

        private string NextBsn()
        {
            while (true)
            {
                var candidate = "999" + _random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                if (Bsn.IsValid(candidate) && _bsns.Add(candidate))
                {
                    return candidate;
                }
            }
        }

        private PersonName NextName()
        {
            var full = Surnames[_random.Next(Surnames.Length)];
            var space = full.LastIndexOf(' ');
            var surname = space > 0 ? full[(space + 1)..] : full;
            var prefix = space > 0 ? full[..space] : null;
            var initials = new string([.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => (char)('A' + _random.Next(26)))]);
            return new PersonName(char.ToUpperInvariant(surname[0]) + surname[1..], prefix, initials);
        }

        private static string Dotted(string? initials) => string.Concat((initials ?? "X").Select(c => c + "."));

        private static string Reason(int index) => (index % 3) switch { 0 => "WLZ", 1 => "ZVW", _ => "OVERIG" };
    }

    /// <summary>One export file, written row by row with its count and control total.</summary>
    private sealed class ExportFileWriter : IAsyncDisposable
    {
        private readonly StreamWriter _writer;

        public ExportFileWriter(string path, string header)
        {
            _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            _writer.WriteLine(header);
        }

        public long Rows { get; private set; }

        public long ControlTotalCents { get; private set; }

        public void Row(string line, long cents)
        {
            _writer.WriteLine(line);
            Rows++;
            ControlTotalCents += cents;
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}
