using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ScamWatch.Storage;

/// <summary>Opens connections to the configured database. Every store goes through here.</summary>
public sealed class Database
{
    private readonly StorageOptions _options;
    private readonly string _connectionString;

    static Database()
    {
        // Columns are snake_case; row classes are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Database(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        Dialect = _options.Provider == StorageProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        if (_options.Provider == StorageProvider.Postgres)
        {
            _connectionString = _options.PostgresConnectionString
                ?? throw new InvalidOperationException("Storage:PostgresConnectionString is required when Storage:Provider is Postgres.");
        }
        else
        {
            var full = Path.GetFullPath(_options.SqlitePath);
            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
    }

    public SqlDialect Dialect { get; }

    /// <summary>Human-readable location, for logs (never includes a password).</summary>
    public string Describe() => _options.Provider == StorageProvider.Postgres
        ? "PostgreSQL " + new NpgsqlConnectionStringBuilder(_connectionString) { Password = null }.Host
        : "SQLite " + Path.GetFullPath(_options.SqlitePath);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = _options.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        if (connection is SqliteConnection)
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets the review UI read while the crawler writes; busy_timeout waits out short write locks.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return connection;
    }
}
