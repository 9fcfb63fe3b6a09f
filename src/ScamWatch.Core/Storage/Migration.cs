namespace ScamWatch.Storage;

/// <summary>
/// One schema step. DDL uses <see cref="SqlDialect"/> tokens so one text serves both engines; the optional
/// per-engine parts (triggers, functions) run after it. Statements end with a semicolon at the end of a line.
/// </summary>
public sealed record Migration(int Version, string Name, string Ddl, string? SqliteDdl = null, string? PostgresDdl = null)
{
    public string For(SqlDialect dialect) =>
        dialect.Expand(Ddl) + ";\n" + (dialect.Provider == StorageProvider.Postgres ? PostgresDdl : SqliteDdl);
}
