using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScamWatch.Hosting;
using ScamWatch.Storage;
using ScamWatch.Training;
using Serilog;

namespace ScamWatch.Cli;

/// <summary>What every verb shares: the global options, configuration, logging, and a service provider over AddScamWatch.</summary>
public static class CliContext
{
    public static readonly Option<string?> Config = new("--config") { Description = "Extra JSON configuration file (after appsettings.json and SCAMWATCH_ environment variables).", Recursive = true };
    public static readonly Option<string?> Db = new("--db") { Description = "Storage: a SQLite file path, or a PostgreSQL connection string (Host=...).", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Debug logging and stack traces on errors.", Recursive = true };

    public static IConfigurationRoot Configuration(ParseResult parse, IDictionary<string, string?>? extra = null)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        AppConfiguration.AddDbOverride(overrides, parse.GetValue(Db));
        if (extra is not null)
        {
            foreach (var (k, v) in extra)
            {
                overrides[k] = v;
            }
        }

        return AppConfiguration.Build(parse.GetValue(Config), overrides);
    }

    /// <summary>A host for the non-web verbs. Console logging goes to stderr so stdout can carry data.</summary>
    public static IHost BuildHost(ParseResult parse, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = Configuration(parse, extra);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSerilog(Logging.Create(configuration, server: false, verbose: parse.GetValue(Verbose)), dispose: true);
        builder.Services.AddScamWatch(builder.Configuration);
        builder.Services.AddScamWatchTraining(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Loads the site definitions (<c>--sites</c>, else Crawler:SitesPath), writing each broken one to stderr.</summary>
    public static async Task<(string Path, Sites.SiteDefinitionLoader.LoadResult Loaded)> LoadSitesAsync(IServiceProvider services, string? sitesOption)
    {
        var path = sitesOption ?? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Crawling.CrawlerOptions>>().Value.SitesPath;
        var loaded = Sites.SiteDefinitionLoader.Load(path);
        foreach (var error in loaded.Errors)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
        }

        return (path, loaded);
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<Migrator>().MigrateAsync(ct).ConfigureAwait(false);
}
