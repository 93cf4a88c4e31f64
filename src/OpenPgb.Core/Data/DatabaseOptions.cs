namespace OpenPgb.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database"; the connection string is ConnectionStrings:OpenPgb.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Used when ConnectionStrings:OpenPgb is empty and the provider is SQLite.</summary>
    public string SqliteFile { get; set; } = "data/openpgb.db";
}
