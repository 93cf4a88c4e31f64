using System.Globalization;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Core.Conversion;

/// <summary>The kinds of difference (the <c>soort</c> column of differences.csv).</summary>
public static class DifferenceKinds
{
    public const string OnlyInPgb1 = "ALLEEN_PGB1";
    public const string OnlyAtGrantor = "ALLEEN_VERSTREKKER";
    public const string Amount = "BEDRAG";
    public const string Period = "PERIODE";
    public const string CareFunctions = "ZORGFUNCTIE";
    public const string Representative = "VERTEGENWOORDIGER";
}

/// <summary>One row of differences.csv: <c>soort;bsn;budgetidentificatie;veld;pgb1;verstrekker</c>.</summary>
public sealed record ConversionDifference(string Kind, string Bsn, string BudgetKey, string Field, string Pgb1Value, string GrantorValue);

/// <summary>
/// Step 1 of a conversion (CONVERSION.md, "compare"): the agency's export against the grantor's 501s, without a
/// database. Stragglers are left out on both sides. Care-function budgets are matched on (budget key, care
/// function), the grantor's side taken from the latest 501 of each budget key; per budget holder the set of care
/// functions and the representatives are compared too. Differences come in a stable order (holder, budget, care
/// function, field), so two runs over the same files give the same file.
/// </summary>
public static class Pgb1Comparison
{
    public static IReadOnlyList<ConversionDifference> Differences(Pgb1Export export, IEnumerable<Message501> messages)
    {
        ArgumentNullException.ThrowIfNull(export);
        var stragglers = export.BudgetHolders.Where(h => h.StaysInPgb1).Select(h => h.Bsn).ToHashSet(StringComparer.Ordinal);
        var latest = messages
            .Where(m => !stragglers.Contains(m.Client.Bsn))
            .GroupBy(m => m.Budget.BudgetKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(m => m.Header.DateSent).ThenBy(m => m.Header.Identification, StringComparer.Ordinal).Last())
            .ToList();
        var theirs = latest
            .SelectMany(m => m.Budget.CareFunctionBudgets.Select(b => (Bsn: m.Client.Bsn, Key: m.Budget.BudgetKey, b.CareFunction, b.StartDate, b.EndDate, b.AmountCents)))
            .ToList();
        var ours = export.Budgets
            .Where(b => !stragglers.Contains(b.Bsn))
            .Select(b => (b.Bsn, Key: b.BudgetKey, CareFunction: b.CareFunctionCode, b.StartDate, b.EndDate, b.AmountCents))
            .ToList();

        var differences = new List<ConversionDifference>();
        var theirsByKey = theirs.ToDictionary(t => (t.Key, t.CareFunction));
        var oursByKey = ours.ToDictionary(o => (o.Key, o.CareFunction));
        foreach (var o in ours)
        {
            if (!theirsByKey.TryGetValue((o.Key, o.CareFunction), out var t))
            {
                differences.Add(new(DifferenceKinds.OnlyInPgb1, o.Bsn, o.Key, o.CareFunction, Describe(o.StartDate, o.EndDate, o.AmountCents), string.Empty));
                continue;
            }

            if (t.AmountCents != o.AmountCents)
            {
                differences.Add(new(DifferenceKinds.Amount, o.Bsn, o.Key, o.CareFunction, Cents(o.AmountCents), Cents(t.AmountCents)));
            }

            if (t.StartDate != o.StartDate || t.EndDate != o.EndDate)
            {
                differences.Add(new(DifferenceKinds.Period, o.Bsn, o.Key, o.CareFunction, Period(o.StartDate, o.EndDate), Period(t.StartDate, t.EndDate)));
            }
        }

        differences.AddRange(theirs
            .Where(t => !oursByKey.ContainsKey((t.Key, t.CareFunction)))
            .Select(t => new ConversionDifference(DifferenceKinds.OnlyAtGrantor, t.Bsn, t.Key, t.CareFunction, string.Empty, Describe(t.StartDate, t.EndDate, t.AmountCents))));

        var ourCodes = ours.ToLookup(o => o.Bsn, o => o.CareFunction, StringComparer.Ordinal);
        var theirCodes = theirs.ToLookup(t => t.Bsn, t => t.CareFunction, StringComparer.Ordinal);
        foreach (var bsn in ourCodes.Select(g => g.Key).Where(theirCodes.Contains))
        {
            var pgb1 = Codes(ourCodes[bsn]);
            var grantor = Codes(theirCodes[bsn]);
            if (pgb1 != grantor)
            {
                differences.Add(new(DifferenceKinds.CareFunctions, bsn, string.Empty, "zorgfuncties", pgb1, grantor));
            }
        }

        differences.AddRange(RepresentativeDifferences(export, latest, stragglers));
        return [.. differences
            .OrderBy(d => d.Bsn, StringComparer.Ordinal)
            .ThenBy(d => d.BudgetKey, StringComparer.Ordinal)
            .ThenBy(d => d.Field, StringComparer.Ordinal)
            .ThenBy(d => d.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Per budget holder on both sides: each representative (BSN, role, rights, correspondence) that is not the same on both.</summary>
    private static IEnumerable<ConversionDifference> RepresentativeDifferences(Pgb1Export export, IReadOnlyList<Message501> latest, HashSet<string> stragglers)
    {
        var messagesOf = latest.ToLookup(m => m.Client.Bsn, StringComparer.Ordinal);
        var representativesOf = export.Representatives.ToLookup(r => r.HolderBsn, StringComparer.Ordinal);
        foreach (var holder in export.BudgetHolders.Where(h => !stragglers.Contains(h.Bsn) && messagesOf.Contains(h.Bsn)))
        {
            var pgb1 = representativesOf[holder.Bsn]
                .ToDictionary(r => r.Bsn, r => Representative(r.RoleCode, r.CanWrite, r.Correspondence), StringComparer.Ordinal);
            var grantor = messagesOf[holder.Bsn].SelectMany(m => m.Budget.Representatives)
                .GroupBy(r => r.Bsn, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Representative(g.First().Role, g.First().Rights == RepresentativeRights.ReadWrite, g.First().ReceivesCorrespondence), StringComparer.Ordinal);
            foreach (var bsn in pgb1.Keys.Union(grantor.Keys, StringComparer.Ordinal))
            {
                var ours = pgb1.GetValueOrDefault(bsn);
                var theirs = grantor.GetValueOrDefault(bsn);
                if (ours != theirs)
                {
                    yield return new(DifferenceKinds.Representative, holder.Bsn, string.Empty, "vertegenwoordiger " + bsn, ours ?? string.Empty, theirs ?? string.Empty);
                }
            }
        }
    }

    private static string Representative(string role, bool canWrite, bool correspondence) =>
        $"rol {role}, rechten {(canWrite ? "S" : "L")}, correspondentie {(correspondence ? "J" : "N")}";

    private static string Codes(IEnumerable<string> codes) => string.Join(',', codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string Cents(long cents) => cents.ToString(CultureInfo.InvariantCulture);

    private static string Period(DateOnly start, DateOnly end) =>
        $"{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} t/m {end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Describe(DateOnly start, DateOnly end, long cents) => $"{Period(start, end)}, {Cents(cents)} cent";
}

/// <summary>Writes differences.csv exactly as CONVERSION.md gives it (UTF-8 without BOM, <c>;</c>, one header row).</summary>
public static class DifferencesCsv
{
    public const string Header = "soort;bsn;budgetidentificatie;veld;pgb1;verstrekker";

    public static async Task WriteAsync(Stream stream, IEnumerable<ConversionDifference> differences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(differences);
        await SemicolonCsv.WriteAsync(stream, Header, differences.Select(d => new[] { d.Kind, d.Bsn, d.BudgetKey, d.Field, d.Pgb1Value, d.GrantorValue }), cancellationToken);
    }
}

/// <summary>
/// The differences as an Excel workbook a municipality can work from (one sheet "Verschillen", the CSV's columns with a
/// header row and a Dutch description of each kind), written row by row by MiniExcel.
/// </summary>
public static class DifferencesWorkbook
{
    public const string SheetName = "Verschillen";

    public static async Task WriteAsync(Stream stream, IEnumerable<ConversionDifference> differences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var rows = differences.Select(d => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["soort"] = d.Kind,
            ["uitleg"] = Explain(d.Kind),
            ["bsn"] = d.Bsn,
            ["budgetidentificatie"] = d.BudgetKey,
            ["veld"] = d.Field,
            ["pgb1"] = d.Pgb1Value,
            ["verstrekker"] = d.GrantorValue,
        });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows, sheetName: SheetName, cancellationToken: cancellationToken);
    }

    public static string Explain(string kind) => kind switch
    {
        DifferenceKinds.OnlyInPgb1 => "Dit budget per zorgfunctie staat alleen in het oude systeem: stuur een 501 of laat het beëindigen.",
        DifferenceKinds.OnlyAtGrantor => "Dit budget per zorgfunctie staat alleen in uw 501-berichten, niet in het oude systeem.",
        DifferenceKinds.Amount => "Het bedrag verschilt.",
        DifferenceKinds.Period => "De begin- of einddatum verschilt.",
        DifferenceKinds.CareFunctions => "De zorgfuncties van deze budgethouder verschillen.",
        DifferenceKinds.Representative => "Een vertegenwoordiger (rol, rechten of correspondentie) verschilt.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown difference kind."),
    };
}
