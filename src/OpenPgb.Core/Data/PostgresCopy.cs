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
    public static async Task<long[]> ReserveIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        if (count == 0)
        {
            return ids;
        }

        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id')) FROM generate_series(1, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[i++] = reader.GetInt64(0);
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
