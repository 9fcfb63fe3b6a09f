using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScamWatch.Accounts;
using ScamWatch.Classification;
using ScamWatch.Crawling;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Sites;
using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Delivery;
using ScamWatch.Takedown.Verification;

namespace ScamWatch;

/// <summary>The one registration method every host calls.</summary>
public static class ScamWatchServiceCollectionExtensions
{
    public static IServiceCollection AddScamWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClassifierOptions>().Bind(configuration.GetSection(ClassifierOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CrawlerOptions>().Bind(configuration.GetSection(CrawlerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TakedownOptions>().Bind(configuration.GetSection(TakedownOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Storage
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<PostStore>();
        services.AddSingleton<ClassificationStore>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<TakedownStore>();
        services.AddSingleton<TakedownExporter>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeys>();

        // Crawl → classify → queue
        services.AddSingleton<SiteRegistry>();
        services.AddSingleton<HostThrottle>();
        services.AddHttpClient(PageFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(PageFetcher.CreateHandler)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<Crawling.Robots.RobotsCache>();
        services.AddSingleton<CrawlFrontier>();
        services.AddSingleton<SiteCrawler>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<Classifier>();
        services.AddSingleton<PostIngestor>();
        services.AddSingleton<QueueRescorer>();
        services.AddTransient<CrawlJob>();

        // Takedown delivery (push and file)
        services.AddTakedownDelivery(configuration);
        // Verification and reappearance
        services.AddSingleton<VerificationStore>();
        services.AddSingleton<ReappearanceWatch>();
        services.AddSingleton<TakedownVerifier>();
        services.AddTransient<VerifyJob>();
        return services;
    }

    /// <summary>
    /// For the long-running hosts (<c>serve</c>, <c>demo</c>): swap in newly promoted models without a restart and
    /// rescore the open queue after each swap.
    /// </summary>
    public static IServiceCollection AddModelHotSwap(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(ClassifierOptions.Section).GetValue(nameof(ClassifierOptions.WatchPromoted), defaultValue: true))
        {
            services.AddSingleton<PromotedModelWatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<PromotedModelWatcher>());
        }

        services.AddSingleton<QueueRescoreService>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueRescoreService>());
        return services;
    }
}
