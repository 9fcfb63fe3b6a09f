namespace ScamWatch.Storage;

/// <summary>One schema step. DDL uses <see cref="SqlDialect"/> tokens so one text serves both engines.</summary>
public sealed record Migration(int Version, string Name, string Ddl);
