using Microsoft.Extensions.Configuration;

namespace ScamWatch.Hosting;

/// <summary>
/// Configuration in the usual .NET order: appsettings.json (beside the executable, then the working directory),
/// <c>SCAMWATCH_</c> environment variables (<c>__</c> for nesting), <c>--config FILE</c>, then command-line overrides such as <c>--db</c>.
/// </summary>
public static class AppConfiguration
{
    public static IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("SCAMWATCH_");
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new UsageException($"--config: file not found: {configFile}");
            }

            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>Maps <c>--db</c> to storage settings: a PostgreSQL connection string when it looks like one, else a SQLite file path.</summary>
    public static void AddDbOverride(Dictionary<string, string?> overrides, string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            return;
        }

        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            overrides["Storage:Provider"] = "Postgres";
            overrides["Storage:PostgresConnectionString"] = db;
        }
        else
        {
            overrides["Storage:Provider"] = "Sqlite";
            overrides["Storage:SqlitePath"] = db;
        }
    }
}
