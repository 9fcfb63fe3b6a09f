using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScamWatch.Sites;
using ScamWatch.Storage;
using ScamWatch.Web;
using Serilog;

namespace ScamWatch.Hosting;

/// <summary>Builds the review web app (UI, API, health) with the crawl scheduler; shared by <c>serve</c> and <c>demo</c>.</summary>
public static class WebHost
{
    public static WebApplication Build(IConfiguration configuration, string urls, IReadOnlyList<SiteDefinition> sites, bool crawlAtStart, bool verbose,
        Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.AddSerilog(Logging.Create(configuration, server: true, verbose: verbose), dispose: true);
        builder.Services.AddScamWatch(builder.Configuration);
        builder.Services.AddCrawlSchedules(sites, crawlAtStart);
        builder.Services.AddVerifySchedule(builder.Configuration);
        builder.Services.AddModelHotSwap(builder.Configuration);
        builder.Services.AddScamWatchWeb(builder.Configuration);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Services.GetRequiredService<SiteRegistry>().Set(sites);
        app.UseScamWatchWeb();
        return app;
    }

    /// <summary>Applies migrations; call before the app starts taking requests.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct) =>
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct).ConfigureAwait(false);
}
