using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ScamWatch.Storage;

/// <summary>Applies pending <see cref="Migrations"/> at start-up, each in its own transaction.</summary>
public sealed partial class Migrator(Database database, TimeProvider clock, ILogger<Migrator> logger)
{
    // Any constant works; it only has to be the same for every ScamWatch node sharing a PostgreSQL database.
    private const long PostgresLockKey = 0x5CA3_0001;

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").ConfigureAwait(false);

        var applied = 0;
        foreach (var migration in Migrations.All)
        {
            if (await ApplyAsync(connection, migration, ct).ConfigureAwait(false))
            {
                applied++;
                logger.LogInformation("Applied schema migration {Version} {Name} on {Database}", migration.Version, migration.Name, database.Describe());
            }
        }

        return applied;
    }

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (database.Dialect.Provider == StorageProvider.Postgres)
        {
            // Nodes starting together must not race to apply the same step.
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresLockKey }, tx).ConfigureAwait(false);
        }

        var done = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", new { v = migration.Version }, tx).ConfigureAwait(false);
        if (done > 0)
        {
            return false;
        }

        // A statement ends with ';' at the end of a line, so a one-line function body may hold semicolons of its own.
        foreach (var statement in StatementEnd().Split(migration.For(database.Dialect)).Select(x => x.Trim()).Where(x => x.Length > 0))
        {
            await connection.ExecuteAsync(statement, transaction: tx).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)",
            new { v = migration.Version, n = migration.Name, t = Iso.ToText(clock.GetUtcNow()) }, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@";[ \t]*(?:\r?\n|$)")]
    private static partial System.Text.RegularExpressions.Regex StatementEnd();
}
