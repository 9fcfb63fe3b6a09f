using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ScamWatch.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: the one in SCAMWATCH_TEST_PG (a connection string) if set, else a throwaway
/// cluster started here on a free loopback port (initdb + pg_ctl as the postgres user) and stopped at the end.
/// The test command installs PostgreSQL when it is missing; without it these tests fail, they are not skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string? _dataDir;
    private readonly string? _bin;

    public PostgresServer()
    {
        var given = Environment.GetEnvironmentVariable("SCAMWATCH_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given))
        {
            AdminConnectionString = given;
            return;
        }

        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;
        if (_bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and SCAMWATCH_TEST_PG is not set; run ./test.sh, which installs it");
        }

        var port = FreePort();
        _dataDir = Path.Combine("/tmp", "scamwatch-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        AsPostgres("chown", $"postgres:postgres {_dataDir}", asRoot: true);
        AsPostgres(Path.Combine(_bin, "initdb"), $"-D {_dataDir}/db -A trust -U postgres -E UTF8 --locale=C.UTF-8");
        AsPostgres(Path.Combine(_bin, "pg_ctl"), $"-D {_dataDir}/db -l {_dataDir}/log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {_dataDir} -c fsync=off\" -w start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    public string AdminConnectionString { get; }

    /// <summary>A new empty database on the server; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "sw_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new Npgsql.NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {name}";
        cmd.ExecuteNonQuery();
        return new Npgsql.NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        if (_dataDir is null || _bin is null)
        {
            return;
        }

        try
        {
            AsPostgres(Path.Combine(_bin, "pg_ctl"), $"-D {_dataDir}/db -m immediate -w stop");
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
        }
    }

    private static void AsPostgres(string program, string arguments, bool asRoot = false)
    {
        var isRoot = Environment.UserName == "root";
        var psi = asRoot || !isRoot
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}");
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/tmp";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({p.ExitCode}): {stderr} {stdout.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
