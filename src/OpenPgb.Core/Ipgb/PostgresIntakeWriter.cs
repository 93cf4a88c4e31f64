using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;
using static OpenPgb.Core.Data.PostgresCopy;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Writes what an intake batch added with PostgreSQL's binary COPY instead of one INSERT per row through the change
/// tracker (about ten rows per message; EF's per-entity cost was the bottleneck, see docs/adr/0005). Ids come from the
/// tables' own identity sequences. Rows the batch modified or deleted (superseded versions, re-keys, ended access)
/// are left to EF, in the same transaction. Column names are the ones the migrations create.
/// </summary>
internal sealed class PostgresIntakeWriter(OpenPgbDbContext db)
{
    private readonly Dictionary<object, long> _ids = new(ReferenceEqualityComparer.Instance);

    /// <summary>The id of an entity: assigned here when it was added, or its own when it was loaded.</summary>
    public long IdOf(object entity) => _ids.TryGetValue(entity, out var id) ? id : entity switch
    {
        IntakeMessage m => m.Id,
        Grant g => g.Id,
        GrantVersion v => v.Id,
        BudgetHolder b => b.Id,
        _ => throw new ArgumentException("Unknown entity type " + entity.GetType().Name, nameof(entity)),
    };

    public async Task WriteAsync(IntakeAdditions added, CancellationToken cancellationToken)
    {
        // EF tracks only the rows the batch loaded. Changes are detected once, over those: what the batch changed in
        // them, and the versions and access rows it added to stored grants (which EF now tracks as added, together
        // with their messages). Left on, every Entries() and Entry() below would detect them again.
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await CopyAddedAsync(added, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task CopyAddedAsync(IntakeAdditions added, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        EnsureCopied(tracked.Where(e => !e.Metadata.IsOwned()).Select(e => e.Entity), added);
        var holders = added.Holders;
        var grants = added.Grants;
        var intakes = added.Intakes;
        var versions = added.Versions;
        var access = grants.SelectMany(g => g.Access.Select(a => (Grant: g, Access: a)))
            .Concat(db.ChangeTracker.Entries<Grant>().SelectMany(g => g.Entity.Access.Select(a => (Grant: g.Entity, Access: a))).Where(x => db.Entry(x.Access).State == EntityState.Added))
            .ToList();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = await ReserveIdsAsync(connection, [("BudgetHolders", holders.Count), ("Grants", grants.Count), ("IntakeMessages", intakes.Count), ("GrantVersions", versions.Count)], cancellationToken);
        Assign(holders, ids[0]);
        Assign(grants, ids[1]);
        Assign(intakes, ids[2]);
        Assign(versions, ids[3]);

        await CopyAsync(connection, "BudgetHolders", ["Id", "Bsn", "BirthDate", "Surname", "NamePrefix", "Initials"], holders, (w, b) =>
        {
            w.Write(IdOf(b), NpgsqlDbType.Bigint);
            w.Write(b.Bsn, NpgsqlDbType.Char);
            w.Write(b.BirthDate, NpgsqlDbType.Date);
            WriteName(w, b.Name);
        }, cancellationToken);
        await CopyAsync(connection, "Grants", ["Id", "GrantorId", "BudgetHolderId", "BudgetKey", "Law", "CurrentVersionNumber"], grants, (w, g) =>
        {
            w.Write(IdOf(g), NpgsqlDbType.Bigint);
            w.Write(g.GrantorId, NpgsqlDbType.Integer);
            w.Write(IdOf(g.BudgetHolder!), NpgsqlDbType.Bigint);
            w.Write(g.BudgetKey, NpgsqlDbType.Varchar);
            w.Write(g.Law.ToString(), NpgsqlDbType.Varchar);
            w.Write(g.CurrentVersionNumber, NpgsqlDbType.Integer);
        }, cancellationToken);
        await CopyAsync(connection, "GrantAccess", ["GrantId", "Bsn", "Kind"], access, (w, x) =>
        {
            w.Write(IdOf(x.Grant), NpgsqlDbType.Bigint);
            w.Write(x.Access.Bsn, NpgsqlDbType.Char);
            w.Write(x.Access.Kind.ToString(), NpgsqlDbType.Varchar);
        }, cancellationToken);
        await CopyIntakeAsync(connection, intakes, cancellationToken);
        await CopyVersionsAsync(connection, versions, cancellationToken);

        // EF must not insert what COPY wrote; what remains are updates and deletes of loaded rows. Dependents go
        // first, so detaching never severs a required relationship of an entry still tracked.
        foreach (var entry in tracked.OrderBy(e => DetachOrder(e.Entity)))
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// What EF found added (through stored grants) must be among the rows copied: a row reachable only from the
    /// change tracker would otherwise be detached unwritten. Owned values (the contact address) travel with their row.
    /// </summary>
    private static void EnsureCopied(IEnumerable<object> trackedAsAdded, IntakeAdditions added)
    {
        var copied = added.Roots.ToHashSet(ReferenceEqualityComparer.Instance);
        var stray = trackedAsAdded.FirstOrDefault(e => e is not (CareFunctionBudget or Representative or GrantAccess) && !copied.Contains(e));
        if (stray is not null)
        {
            throw new InvalidOperationException($"An added {stray.GetType().Name} is not among the intake's additions and would not be written.");
        }
    }

    private static int DetachOrder(object entity) => entity switch
    {
        CareFunctionBudget or Representative or GrantAccess => 0,
        GrantVersion => 1,
        IntakeMessage => 2,
        Grant => 3,
        _ => 4,
    };

    private async Task CopyIntakeAsync(NpgsqlConnection connection, List<IntakeMessage> intakes, CancellationToken cancellationToken) =>
        await CopyAsync(
            connection,
            "IntakeMessages",
            ["Id", "Channel", "ReceivedAt", "SizeBytes", "RawContent", "ContentHash", "Sender", "GrantorId", "MessageCode", "Identification", "DateSent", "StandardVersion", "BudgetKey", "Outcome", "IsOriginal", "ReturnCodes", "Response", "GrantId", "ReplayOfId"],
            intakes,
            (w, m) =>
            {
                w.Write(IdOf(m), NpgsqlDbType.Bigint);
                w.Write(m.Channel.ToString(), NpgsqlDbType.Varchar);
                w.Write(m.ReceivedAt, NpgsqlDbType.TimestampTz);
                w.Write(m.SizeBytes, NpgsqlDbType.Integer);
                w.Write(m.RawContent, NpgsqlDbType.Bytea);
                w.Write(m.ContentHash, NpgsqlDbType.Varchar);
                WriteNullable(w, m.Sender, NpgsqlDbType.Varchar);
                WriteNullableValue(w, m.GrantorId, NpgsqlDbType.Integer);
                WriteNullable(w, m.MessageCode, NpgsqlDbType.Varchar);
                WriteNullable(w, m.Identification, NpgsqlDbType.Varchar);
                WriteNullableValue(w, m.DateSent, NpgsqlDbType.Date);
                WriteNullable(w, m.StandardVersion, NpgsqlDbType.Varchar);
                WriteNullable(w, m.BudgetKey, NpgsqlDbType.Varchar);
                w.Write(m.Outcome.ToString(), NpgsqlDbType.Varchar);
                w.Write(m.IsOriginal, NpgsqlDbType.Boolean);
                w.Write(m.ReturnCodes, NpgsqlDbType.Varchar);
                WriteNullable(w, m.Response, NpgsqlDbType.Bytea);
                WriteNullableValue(w, m.Grant is { } g ? IdOf(g) : m.GrantId, NpgsqlDbType.Bigint);
                WriteNullableValue(w, m.ReplayOf is { } r ? IdOf(r) : m.ReplayOfId, NpgsqlDbType.Bigint);
            },
            cancellationToken);

    private async Task CopyVersionsAsync(NpgsqlConnection connection, List<GrantVersion> versions, CancellationToken cancellationToken)
    {
        await CopyAsync(
            connection,
            "GrantVersions",
            ["Id", "GrantId", "Number", "IsCurrent", "BudgetKey", "Law", "GrantDate", "IntakeMessageId", "ReceivedAt", "ContactStreet", "ContactHouseNumber", "ContactHouseNumberAddition", "ContactPostalCode", "ContactCity", "ContactCountryCode"],
            versions,
            (w, v) =>
            {
                w.Write(IdOf(v), NpgsqlDbType.Bigint);
                w.Write(IdOf(v.Grant!), NpgsqlDbType.Bigint);
                w.Write(v.Number, NpgsqlDbType.Integer);
                w.Write(v.IsCurrent, NpgsqlDbType.Boolean);
                w.Write(v.BudgetKey, NpgsqlDbType.Varchar);
                w.Write(v.Law.ToString(), NpgsqlDbType.Varchar);
                w.Write(v.GrantDate, NpgsqlDbType.Date);
                w.Write(IdOf(v.IntakeMessage!), NpgsqlDbType.Bigint);
                w.Write(v.ReceivedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, v.Contact?.Street, NpgsqlDbType.Varchar);
                WriteNullable(w, v.Contact?.HouseNumber, NpgsqlDbType.Varchar);
                WriteNullable(w, v.Contact?.HouseNumberAddition, NpgsqlDbType.Varchar);
                WriteNullable(w, v.Contact?.PostalCode, NpgsqlDbType.Varchar);
                WriteNullable(w, v.Contact?.City, NpgsqlDbType.Varchar);
                WriteNullable(w, v.Contact?.CountryCode, NpgsqlDbType.Varchar);
            },
            cancellationToken);
        await CopyAsync(
            connection,
            "CareFunctionBudgets",
            ["GrantVersionId", "CareFunctionCode", "StartDate", "EndDate", "AmountCents", "UnaccountableCents"],
            versions.SelectMany(v => v.CareFunctionBudgets.Select(b => (Version: v, Budget: b))).ToList(),
            (w, x) =>
            {
                w.Write(IdOf(x.Version), NpgsqlDbType.Bigint);
                w.Write(x.Budget.CareFunctionCode, NpgsqlDbType.Varchar);
                w.Write(x.Budget.StartDate, NpgsqlDbType.Date);
                w.Write(x.Budget.EndDate, NpgsqlDbType.Date);
                w.Write(x.Budget.AmountCents, NpgsqlDbType.Bigint);
                WriteNullableValue(w, x.Budget.UnaccountableCents, NpgsqlDbType.Bigint);
            },
            cancellationToken);
        await CopyAsync(
            connection,
            "Representatives",
            ["GrantVersionId", "RoleCode", "Bsn", "BirthDate", "Surname", "NamePrefix", "Initials", "Rights", "ReceivesCorrespondence"],
            versions.SelectMany(v => v.Representatives.Select(r => (Version: v, Representative: r))).ToList(),
            (w, x) =>
            {
                w.Write(IdOf(x.Version), NpgsqlDbType.Bigint);
                w.Write(x.Representative.RoleCode, NpgsqlDbType.Varchar);
                w.Write(x.Representative.Bsn, NpgsqlDbType.Char);
                w.Write(x.Representative.BirthDate, NpgsqlDbType.Date);
                WriteName(w, x.Representative.Name);
                w.Write(x.Representative.Rights.ToString(), NpgsqlDbType.Varchar);
                w.Write(x.Representative.ReceivesCorrespondence, NpgsqlDbType.Boolean);
            },
            cancellationToken);
    }

    private void Assign<T>(List<T> entities, long[] ids)
        where T : class
    {
        for (var i = 0; i < ids.Length; i++)
        {
            _ids[entities[i]] = ids[i];
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, IReadOnlyCollection<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken);
        // Rows are buffered by the importer; the per-row calls are synchronous to avoid an await per row.
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteName(NpgsqlBinaryImporter w, PersonName name)
    {
        w.Write(name.Surname, NpgsqlDbType.Varchar);
        WriteNullable(w, name.Prefix, NpgsqlDbType.Varchar);
        WriteNullable(w, name.Initials, NpgsqlDbType.Varchar);
    }
}
