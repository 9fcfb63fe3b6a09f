using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Storage;

/// <summary>Where ScamWatch keeps its data. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Database engine.</summary>
    /// <value>Default <see cref="StorageProvider.Sqlite"/>: one embedded file, no server needed.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file (used when <see cref="Provider"/> is Sqlite).</summary>
    /// <value>Default <c>./data/scamwatch.db</c>, relative to the working directory.</value>
    [Required]
    public string SqlitePath { get; set; } = Path.Combine("data", "scamwatch.db");

    /// <summary>Npgsql connection string (used when <see cref="Provider"/> is Postgres).</summary>
    /// <value>Default empty; required for Postgres.</value>
    public string? PostgresConnectionString { get; set; }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
