using Microsoft.Extensions.Logging;
using Quartz;
using ScamWatch.Sites;

namespace ScamWatch.Crawling;

/// <summary>The Quartz job that crawls one site. Never two runs of the same site at once.</summary>
[DisallowConcurrentExecution]
public sealed class CrawlJob(SiteRegistry sites, SiteCrawler crawler, ILogger<CrawlJob> logger) : IJob
{
    public const string SiteKey = "site";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SiteKey);
        var site = name is null ? null : sites.Find(name);
        if (site is null)
        {
            logger.LogWarning("Scheduled crawl for unknown site {Site} skipped", name);
            return;
        }

        await crawler.RunAsync(site, cancellationToken).ConfigureAwait(false);
    }
}
