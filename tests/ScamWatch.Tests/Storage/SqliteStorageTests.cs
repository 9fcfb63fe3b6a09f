using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Storage;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Storage;

public sealed class SqliteStorageTests : StorageContract, IDisposable
{
    private readonly TempDir _dir = new();

    protected override Dictionary<string, string?> Settings() => TestHost.Sqlite(_dir.File("scamwatch.db"));

    [Fact]
    public async Task Open_UsesWriteAheadLogInTheConfiguredFile()
    {
        await using var connection = await Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.True(File.Exists(_dir.File("scamwatch.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
