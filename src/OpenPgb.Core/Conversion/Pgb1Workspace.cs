using System.Collections;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// Where an export's two large files, the claims and the payments, are kept while a conversion step works on them: a
/// throwaway embedded SQLite file in the temp directory, not the process's memory. A grantor's export may hold millions
/// of claims (a 500 MB <c>declaraties.csv</c>); the reader streams them in here row by row, the checks that compare rows
/// with each other (a key twice, a payment without its claim, a paid claim without exactly one payment of its amount)
/// run as SQL on indexes, and the conversion streams them out again in file order. So memory stays flat however large
/// the export is (ADR 0012). The file is deleted when the workspace is disposed; a killed process leaves it in the
/// temp directory, where <see cref="Create"/> removes those older than a day.
/// </summary>
public sealed class Pgb1Workspace : IDisposable
{
    private const int CommitEvery = 50_000;

    private readonly SqliteConnection _connection;
    private readonly string _path;
    private bool _indexed;

    private Pgb1Workspace(string path)
    {
        _path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();

        // A scratch file: no journal, no fsync, a bounded page cache. Losing it loses nothing; the export is the source.
        Execute(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -16000;
            PRAGMA temp_store = FILE;
            CREATE TABLE claims (line INTEGER PRIMARY KEY, number TEXT NOT NULL, agreement TEXT NOT NULL, care_function TEXT NOT NULL,
              start_date INTEGER NOT NULL, end_date INTEGER NOT NULL, units TEXT NOT NULL, amount INTEGER NOT NULL, status INTEGER NOT NULL,
              invoice TEXT NOT NULL, submitted_on INTEGER NOT NULL);
            CREATE TABLE payments (line INTEGER PRIMARY KEY, number TEXT NOT NULL, claim TEXT NOT NULL, paid_on INTEGER NOT NULL,
              amount INTEGER NOT NULL, iban TEXT NOT NULL, reference TEXT NOT NULL);
            """);
        Claims = new Rows<Pgb1Claim>(this, "claims", ReadClaim);
        Payments = new Rows<Pgb1Payment>(this, "payments", ReadPayment);
    }

    /// <summary>The workspace's file (for tests: it must be gone after <see cref="Dispose"/>).</summary>
    internal string FilePath => _path;

    /// <summary>The claims in file order, read from the workspace each time they are enumerated.</summary>
    public IPgb1Rows<Pgb1Claim> Claims { get; }

    /// <summary>The payments in file order.</summary>
    public IPgb1Rows<Pgb1Payment> Payments { get; }

    public static Pgb1Workspace Create()
    {
        var directory = Path.GetTempPath();
        foreach (var stale in Directory.EnumerateFiles(directory, "openpgb-pgb1-*.db"))
        {
            try
            {
                // Compared with the file system's own clock, not the application's (a test may move that one).
                if (File.GetLastWriteTimeUtc(stale) < TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1))
                {
                    File.Delete(stale);
                }
            }
            catch (IOException)
            {
                // Another process may be using it; it is someone else's to remove.
            }
        }

        return new(Path.Combine(directory, $"openpgb-pgb1-{Guid.NewGuid():N}.db"));
    }

    /// <summary>Starts the bulk load of one file's rows: prepared inserts in large transactions.</summary>
    internal Loader<Pgb1Claim> LoadClaims() => new(this, "INSERT INTO claims VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", 11, (c, p) =>
    {
        p[0].Value = c.Line.Number;
        p[1].Value = c.Number;
        p[2].Value = c.AgreementNumber;
        p[3].Value = c.CareFunctionCode;
        p[4].Value = c.StartDate.DayNumber;
        p[5].Value = c.EndDate.DayNumber;
        p[6].Value = c.Units.ToString(CultureInfo.InvariantCulture);
        p[7].Value = c.AmountCents;
        p[8].Value = (int)c.Status;
        p[9].Value = c.InvoiceNumber;
        p[10].Value = c.SubmittedOn.DayNumber;
    });

    internal Loader<Pgb1Payment> LoadPayments() => new(this, "INSERT INTO payments VALUES ($1, $2, $3, $4, $5, $6, $7)", 7, (p, x) =>
    {
        x[0].Value = p.Line.Number;
        x[1].Value = p.Number;
        x[2].Value = p.ClaimNumber;
        x[3].Value = p.PaidOn.DayNumber;
        x[4].Value = p.AmountCents;
        x[5].Value = p.Iban;
        x[6].Value = p.Reference;
    });

    /// <summary>For each key of the claims (or payments) that is there more than once: every later line with the first.</summary>
    internal IEnumerable<(int Line, int First)> DuplicateClaimNumbers() => Duplicates("claims");

    internal IEnumerable<(int Line, int First)> DuplicatePaymentNumbers() => Duplicates("payments");

    /// <summary>Payments whose claim is not in the claims file.</summary>
    internal IEnumerable<(int Line, string ClaimNumber)> PaymentsWithoutClaim() =>
        Query(
            "SELECT p.line, p.claim FROM payments p WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.number = p.claim) ORDER BY p.line",
            r => (r.GetInt32(0), r.GetString(1)));

    /// <summary>How many payments there are per agreement of their claim (null: the claim is not in the export).</summary>
    internal IEnumerable<(string? Agreement, long Payments)> PaymentsPerAgreement() =>
        Query(
            """
            SELECT (SELECT c.agreement FROM claims c WHERE c.number = p.claim ORDER BY c.line LIMIT 1) AS agreement, COUNT(*)
            FROM payments p GROUP BY agreement
            """,
            r => (r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1)));

    /// <summary>
    /// Every claim whose payments are not what its status says (a paid claim has exactly one, of its amount; another
    /// claim none), in claim order, with the count of its payments and the first one's line and amount.
    /// </summary>
    internal IEnumerable<(Pgb1Line Line, string Number, Pgb1ClaimStatus Status, long AmountCents, int Payments, Pgb1Line FirstPayment, long FirstPaymentCents)> ClaimsWithWrongPayments() =>
        Query(
            $"""
            SELECT c.line, c.number, c.status, c.amount, COUNT(p.line), MIN(p.line), MIN(p.amount)
            FROM claims c LEFT JOIN payments p ON p.claim = c.number
            GROUP BY c.line
            HAVING (c.status = {(int)Pgb1ClaimStatus.Paid} AND (COUNT(p.line) <> 1 OR MIN(p.amount) <> c.amount))
              OR (c.status <> {(int)Pgb1ClaimStatus.Paid} AND COUNT(p.line) > 0)
            ORDER BY c.line
            """,
            r => (
                new Pgb1Line(Pgb1ExportReader.ClaimsFile, r.GetInt32(0)),
                r.GetString(1),
                (Pgb1ClaimStatus)r.GetInt32(2),
                r.GetInt64(3),
                r.GetInt32(4),
                new Pgb1Line(Pgb1ExportReader.PaymentsFile, r.IsDBNull(5) ? 0 : r.GetInt32(5)),
                r.IsDBNull(6) ? 0 : r.GetInt64(6)));

    /// <summary>
    /// The claims in file order, each with its payment (null for a claim that is not paid). Only for an export without
    /// blocking findings, where every paid claim has exactly one payment and no other claim has one.
    /// </summary>
    internal IEnumerable<(Pgb1Claim Claim, Pgb1Payment? Payment)> ClaimsWithPayment() =>
        Query(
            """
            SELECT c.line, c.number, c.agreement, c.care_function, c.start_date, c.end_date, c.units, c.amount, c.status, c.invoice, c.submitted_on,
              p.line, p.number, p.claim, p.paid_on, p.amount, p.iban, p.reference
            FROM claims c LEFT JOIN payments p ON p.claim = c.number
            ORDER BY c.line
            """,
            r => (ReadClaim(r, 0), r.IsDBNull(11) ? null : ReadPayment(r, 11)));

    public void Dispose()
    {
        _connection.Dispose();
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Left for the next Create to clear.
        }
    }

    private IEnumerable<(int Line, int First)> Duplicates(string table)
    {
        EnsureIndexed();
        return Query(
            $"""
            SELECT t.line, f.first FROM {table} t
            JOIN (SELECT number, MIN(line) AS first FROM {table} GROUP BY number HAVING COUNT(*) > 1) f ON f.number = t.number
            WHERE t.line <> f.first ORDER BY t.line
            """,
            r => (r.GetInt32(0), r.GetInt32(1)));
    }

    private IEnumerable<T> Query<T>(string sql, Func<SqliteDataReader, T> map)
    {
        EnsureIndexed();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    /// <summary>The indexes the cross-row checks and joins need, built once after the load (faster than while loading).</summary>
    private void EnsureIndexed()
    {
        if (_indexed)
        {
            return;
        }

        Execute(
            """
            CREATE INDEX claims_number ON claims (number);
            CREATE INDEX payments_number ON payments (number);
            CREATE INDEX payments_claim ON payments (claim);
            ANALYZE;
            """);
        _indexed = true;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Pgb1Claim ReadClaim(SqliteDataReader r) => ReadClaim(r, 0);

    private static Pgb1Claim ReadClaim(SqliteDataReader r, int at) => new(
        new Pgb1Line(Pgb1ExportReader.ClaimsFile, r.GetInt32(at)),
        r.GetString(at + 1),
        r.GetString(at + 2),
        r.GetString(at + 3),
        DateOnly.FromDayNumber(r.GetInt32(at + 4)),
        DateOnly.FromDayNumber(r.GetInt32(at + 5)),
        decimal.Parse(r.GetString(at + 6), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        r.GetInt64(at + 7),
        (Pgb1ClaimStatus)r.GetInt32(at + 8),
        r.GetString(at + 9),
        DateOnly.FromDayNumber(r.GetInt32(at + 10)));

    private static Pgb1Payment ReadPayment(SqliteDataReader r) => ReadPayment(r, 0);

    private static Pgb1Payment ReadPayment(SqliteDataReader r, int at) => new(
        new Pgb1Line(Pgb1ExportReader.PaymentsFile, r.GetInt32(at)),
        r.GetString(at + 1),
        r.GetString(at + 2),
        DateOnly.FromDayNumber(r.GetInt32(at + 3)),
        r.GetInt64(at + 4),
        r.GetString(at + 5),
        r.GetString(at + 6));

    /// <summary>Bulk insert of one file's rows; <see cref="Complete"/> commits the last batch.</summary>
    internal sealed class Loader<T> : IDisposable
    {
        private readonly Pgb1Workspace _workspace;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private readonly Action<T, SqliteParameter[]> _bind;
        private SqliteTransaction _transaction;
        private int _pending;

        public Loader(Pgb1Workspace workspace, string sql, int parameters, Action<T, SqliteParameter[]> bind)
        {
            _workspace = workspace;
            _bind = bind;
            _transaction = workspace._connection.BeginTransaction();
            _command = workspace._connection.CreateCommand();
            _command.CommandText = sql;
            _command.Transaction = _transaction;
            _parameters = [.. Enumerable.Range(1, parameters).Select(i => _command.Parameters.Add(new SqliteParameter($"${i}", null)))];
            _command.Prepare();
        }

        public long Count { get; private set; }

        public void Add(T row)
        {
            _bind(row, _parameters);
            _command.ExecuteNonQuery();
            Count++;
            if (++_pending == CommitEvery)
            {
                _transaction.Commit();
                _transaction.Dispose();
                _transaction = _workspace._connection.BeginTransaction();
                _command.Transaction = _transaction;
                _pending = 0;
            }
        }

        public void Complete()
        {
            _transaction.Commit();
            _pending = 0;
        }

        public void Dispose()
        {
            _command.Dispose();
            _transaction.Dispose();
        }
    }

    private sealed class Rows<T>(Pgb1Workspace workspace, string table, Func<SqliteDataReader, T> map) : IPgb1Rows<T>
    {
        private long? _count;

        public long Count => _count ??= workspace.Query($"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0)).Single();

        public IEnumerator<T> GetEnumerator() => workspace.Query($"SELECT * FROM {table} ORDER BY line", map).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A file's rows that are not held in memory: enumerating reads them again, in file order.</summary>
public interface IPgb1Rows<out T> : IEnumerable<T>
{
    long Count { get; }
}
