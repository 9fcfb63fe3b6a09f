using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ScamWatch.Storage;

namespace ScamWatch.Tests.Support;

/// <summary>A service provider over AddScamWatch with test storage (a real SQLite file or a real PostgreSQL database).</summary>
public static class TestHost
{
    public static ServiceProvider Create(IDictionary<string, string?> settings, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddScamWatch(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static Dictionary<string, string?> Sqlite(string path) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = path,
        ["Classifier:ModelsPath"] = Repo.Models,
    };

    public static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:PostgresConnectionString"] = connectionString,
        ["Classifier:ModelsPath"] = Repo.Models,
    };

    public static async Task<ServiceProvider> MigratedAsync(IDictionary<string, string?> settings, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var sp = Create(settings, clock, configure);
        await sp.GetRequiredService<Migrator>().MigrateAsync();
        return sp;
    }

    public static NullLogger<T> Log<T>() => NullLogger<T>.Instance;
}
