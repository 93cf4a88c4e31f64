using Npgsql;
using NpgsqlTypes;

namespace OpenPgb.Core.Data;

/// <summary>
/// What the binary-COPY writers share (the intake's <c>PostgresIntakeWriter</c> and the conversion's
/// <c>PostgresConversionWriter</c>): ids taken from a table's sequence before the rows are copied, and nullable values.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>
    /// Takes <paramref name="count"/> values from the id sequence of <paramref name="table"/>, in order: unique however
    /// many sessions insert meanwhile (a sequence is never rolled back, so a rollback leaves a gap, as any does).
    /// </summary>
    public static async Task<long[]> ReserveIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken) =>
        (await ReserveIdsAsync(connection, [(table, count)], cancellationToken))[0];

    /// <summary>The same for several tables in one round trip (a batch of statements).</summary>
    public static async Task<long[][]> ReserveIdsAsync(NpgsqlConnection connection, IReadOnlyList<(string Table, int Count)> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => new long[r.Count]).ToArray();
        var asked = Enumerable.Range(0, requests.Count).Where(i => requests[i].Count > 0).ToList();
        if (asked.Count == 0)
        {
            return ids;
        }

        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var i in asked)
        {
            // The sequence is looked up once: as nextval's own argument, pg_get_serial_sequence ran again for every id.
            var command = new NpgsqlBatchCommand(
                $"SELECT nextval(s.seq) FROM (SELECT pg_get_serial_sequence('\"{requests[i].Table}\"', 'Id')::regclass AS seq) s, generate_series(1, $1)");
            command.Parameters.Add(new NpgsqlParameter { Value = requests[i].Count });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var i in asked)
        {
            var n = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[i][n++] = reader.GetInt64(0);
            }

            await reader.NextResultAsync(cancellationToken);
        }

        return ids;
    }

    public static void WriteNullableValue<TValue>(NpgsqlBinaryImporter importer, TValue? value, NpgsqlDbType type)
        where TValue : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    public static void WriteNullable<TValue>(NpgsqlBinaryImporter importer, TValue? value, NpgsqlDbType type)
        where TValue : class
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
