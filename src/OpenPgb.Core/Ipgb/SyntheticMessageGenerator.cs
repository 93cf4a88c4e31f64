using System.Globalization;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Valid synthetic 501s for demos, tests and benchmarks: both versions, 0-5 representatives, 1-6 care functions,
/// some budgets crossing the year boundary. Deterministic for a seed. BSNs come only from the test range 999xxxxxx.
/// </summary>
public sealed class SyntheticMessageGenerator(int seed, IReadOnlyList<(string Code, GrantorKind Kind)> grantors, DateOnly today)
{
    private static readonly string[] Surnames =
    [
        "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
        "van der Veen", "van den Broek", "de Bruijn", "de Jong", "van Dijk", "Janssen", "Schouten", "Willems",
    ];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _usedBsns = [];

    /// <summary>A valid message for grantor <paramref name="grantorIndex"/>; identities are unique per <paramref name="sequence"/>.</summary>
    public Message501 Next(long sequence, int? grantorIndex = null)
    {
        var (code, kind) = grantors[grantorIndex ?? _random.Next(grantors.Count)];
        var version = _random.Next(2) == 0 ? IpgbVersion.V202 : IpgbVersion.V23;
        var dateSent = today.AddDays(-_random.Next(0, 60));
        var birthDate = new DateOnly(1935, 1, 1).AddDays(_random.Next(0, 365 * 88));
        var isMinor = birthDate.AddYears(18) > dateSent;
        var clientBsn = NextBsn();
        var law = kind == GrantorKind.CareOffice ? Law.Wlz : (isMinor ? Law.Jw : Law.Wmo);

        var budgets = NextCareFunctionBudgets(kind, dateSent);
        var representatives = NextRepresentatives(isMinor, clientBsn, dateSent);
        var budget = new BudgetRecord(
            "B" + sequence.ToString("D10", CultureInfo.InvariantCulture),
            null,
            law,
            dateSent.AddDays(-_random.Next(1, 20)),
            budgets,
            representatives,
            _random.Next(3) == 0 ? null : NextAddress());

        return new Message501(
            version,
            new MessageHeader("501", code, "SVB", "T" + sequence.ToString("D11", CultureInfo.InvariantCulture), dateSent),
            new ClientRecord(clientBsn, birthDate, NextName(), budget));
    }

    /// <summary>
    /// A BSN from the test range 999000000-999999999 that passes the elfproef. The range holds only about 90,900 such
    /// numbers, so an unused one is preferred; once they run out a used one comes back (a person with several grants,
    /// or representing several people), which large benchmark sets need.
    /// </summary>
    public string NextBsn()
    {
        string? valid = null;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var candidate = "999" + _random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            if (!Bsn.IsValid(candidate))
            {
                continue;
            }

            valid = candidate;
            if (_usedBsns.Add(candidate))
            {
                return candidate;
            }
        }

        return valid ?? NextBsn();
    }

    public PersonName NextName()
    {
        var surname = Surnames[_random.Next(Surnames.Length)];
        string? prefix = null;
        var space = surname.LastIndexOf(' ');
        if (space > 0)
        {
            prefix = surname[..space];
            surname = surname[(space + 1)..];
        }

        var initials = new string(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => (char)('A' + _random.Next(26))).ToArray());
        return new PersonName(char.ToUpperInvariant(surname[0]) + surname[1..], prefix, initials);
    }

    private List<CareFunctionBudgetRecord> NextCareFunctionBudgets(GrantorKind kind, DateOnly dateSent)
    {
        var start = new DateOnly(dateSent.Year, dateSent.Month, 1);
        // About one in three budgets runs a full year from its start month, which crosses the calendar year.
        var end = _random.Next(3) == 0 ? start.AddYears(1).AddDays(-1) : new DateOnly(start.Year, 12, 31);
        if (kind == GrantorKind.CareOffice || _random.Next(8) == 0)
        {
            return [NextBudget(CareFunctionCodes.WholePackage, start, end)];
        }

        var count = _random.Next(1, 7);
        return Enumerable.Range(1, 18).OrderBy(_ => _random.Next()).Take(count).Order()
            .Select(c => NextBudget(c.ToString("D2", CultureInfo.InvariantCulture), start, end))
            .ToList();
    }

    private CareFunctionBudgetRecord NextBudget(string careFunction, DateOnly start, DateOnly end)
    {
        var amount = _random.Next(50, 5000) * 1000L;
        long? free = _random.Next(4) == 0 ? amount / 50 : null;
        return new CareFunctionBudgetRecord(careFunction, start, end, amount, free);
    }

    private List<RepresentativeRecord> NextRepresentatives(bool isMinor, string clientBsn, DateOnly dateSent)
    {
        var count = isMinor ? _random.Next(1, 3) : _random.Next(0, 6) switch { 0 or 1 or 2 => 0, 3 => 1, 4 => 2, _ => _random.Next(3, 6) };
        var list = new List<RepresentativeRecord>();
        for (var i = 0; i < count; i++)
        {
            string bsn;
            do
            {
                bsn = NextBsn();
            }
            while (bsn == clientBsn || list.Any(r => r.Bsn == bsn));

            // A minor's representatives are parents or guardians; the first receives correspondence (CD001, CD002).
            var role = isMinor ? "01" : RepresentativeRoles.Codes.ElementAt(_random.Next(RepresentativeRoles.Codes.Count));
            list.Add(new RepresentativeRecord(
                role,
                bsn,
                dateSent.AddYears(-_random.Next(25, 70)).AddDays(-_random.Next(365)),
                NextName(),
                _random.Next(4) == 0 ? RepresentativeRights.Read : RepresentativeRights.ReadWrite,
                i == 0 || _random.Next(2) == 0));
        }

        return list;
    }

    private ContactAddress NextAddress()
    {
        string[] streets = ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Stationsweg", "Julianalaan"];
        string[] cities = ["Amsterdam", "Utrecht", "Zwolle", "Groningen", "Tilburg", "Leiden"];
        var postcode = _random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + (char)('A' + _random.Next(26)) + (char)('A' + _random.Next(26));
        return new ContactAddress(
            streets[_random.Next(streets.Length)],
            _random.Next(1, 300).ToString(CultureInfo.InvariantCulture),
            _random.Next(5) == 0 ? "A" : null,
            postcode,
            cities[_random.Next(cities.Length)],
            "NL");
    }
}
