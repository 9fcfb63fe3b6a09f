using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageContract
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override Dictionary<string, string?> Settings() => TestHost.Postgres(_connectionString);
}
