using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Crawling.Adapters;
using ScamWatch.Crawling.Robots;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Sites;

namespace ScamWatch.Crawling;

/// <summary>
/// Runs one site once: the adapter discovers detail URLs into the durable frontier (or reads API items), then each
/// pending detail URL is fetched (conditionally), extracted and ingested. A failure is recorded against its URL with
/// the reason and the run goes on; a run that stopped part-way is resumed by the next one.
/// </summary>
public sealed class SiteCrawler(
    PageFetcher fetcher, RobotsCache robots, CrawlFrontier frontier, PostIngestor ingestor, PostStore posts,
    TimeProvider clock, IOptions<CrawlerOptions> options, ILogger<SiteCrawler> logger)
{
    private const int Batch = 100;

    public async Task<CrawlReport> RunAsync(SiteDefinition site, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var (runId, resumed) = await frontier.BeginRunAsync(site.Name, site.List.MaxRecheck, ct).ConfigureAwait(false);
        var run = new CrawlRun(site, runId, fetcher, robots, frontier, options.Value.MaxCrawlDelay, logger);
        logger.LogInformation("Crawl of {Site} ({Kind}) {Action} run {RunId} from {BaseUrl}", site.Name, site.Kind, resumed ? "resumes" : "starts", runId, site.BaseUrl);

        var adapter = AdapterFor(site);
        await adapter.DiscoverAsync(run, ct).ConfigureAwait(false);
        await FetchDetailsAsync(run, adapter, ct).ConfigureAwait(false);

        var report = run.Report() with { Resumed = resumed };
        await frontier.FinishRunAsync(runId, report, ct).ConfigureAwait(false);
        logger.LogInformation(
            "Crawl of {Site} done in {ElapsedMs} ms: {ListPages} list pages, {DetailPages} detail pages, {NewPosts} new, {ChangedPosts} changed, {NotModified} not modified, {Removed} removed, {Flagged} flagged, {Blocked} blocked by robots.txt, {Errors} errors",
            site.Name, watch.ElapsedMilliseconds, report.ListPages, report.DetailPages, report.NewPosts, report.ChangedPosts, report.NotModified,
            report.Removed, report.Flagged, report.Blocked, report.Errors.Count);
        return report;
    }

    private ISiteAdapter AdapterFor(SiteDefinition site) => site.Kind switch
    {
        "api" => new ApiSiteAdapter(ingestor, posts, clock),
        var kind => new PageSiteAdapter(kind, options.Value.MaxPageBytes),
    };

    private async Task FetchDetailsAsync(CrawlRun run, ISiteAdapter adapter, CancellationToken ct)
    {
        while (true)
        {
            var batch = await frontier.PendingAsync(run.Site.Name, run.RunId, "detail", Batch, ct).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var known in batch)
            {
                ct.ThrowIfCancellationRequested();
                var url = new Uri(known.Url);
                if (run.DetailPages >= options.Value.MaxDetailsPerRun)
                {
                    await run.RecordFailedAsync(url, "detail", null, $"not fetched: run limit of {options.Value.MaxDetailsPerRun} detail pages reached", ct).ConfigureAwait(false);
                    continue;
                }

                run.DetailPages++;
                try
                {
                    await FetchDetailAsync(run, adapter, url, known, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await run.RecordFailedAsync(url, "detail", null, "detail page could not be processed: " + ex.Message, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task FetchDetailAsync(CrawlRun run, ISiteAdapter adapter, Uri url, FrontierUrl known, CancellationToken ct)
    {
        var site = run.Site;
        var page = await run.FetchAsync(url, "detail", known, ct, recordSuccess: false).ConfigureAwait(false);
        if (page is null || page.Error is not null)
        {
            return;
        }

        var sitePostId = known.SitePostId ?? run.PostId(url);
        if (page.IsNotModified)
        {
            run.NotModified++;
            await posts.TouchAsync(site.Name, sitePostId, page.FetchedAt, ct).ConfigureAwait(false);
            await run.RecordDoneAsync(url, "detail", page, "allowed", sitePostId, ct).ConfigureAwait(false);
            return;
        }

        if (page.IsGone)
        {
            await MarkRemovedAsync(run, sitePostId, page, $"HTTP {page.StatusCode}", ct).ConfigureAwait(false);
            await run.RecordDoneAsync(url, "detail", page, "allowed", sitePostId, ct).ConfigureAwait(false);
            return;
        }

        if (run.Decode(page) is not { } html)
        {
            await run.RecordFailedAsync(url, "detail", page.StatusCode, "page text could not be decoded", ct).ConfigureAwait(false);
            return;
        }

        if (site.RemovalMarkers.FirstOrDefault(m => html.Contains(m, StringComparison.Ordinal)) is { } marker)
        {
            await MarkRemovedAsync(run, sitePostId, page, $"removal marker \"{marker}\"", ct).ConfigureAwait(false);
            await run.RecordDoneAsync(url, "detail", page, "allowed", sitePostId, ct).ConfigureAwait(false);
            return;
        }

        using var doc = HtmlExtractor.Parse(html);
        var canonical = HtmlExtractor.Canonical(doc, page.FinalUrl);
        var postUrl = canonical is not null && run.InScope(canonical) ? canonical : url;
        var (post, problem) = adapter.Extract(run, doc, postUrl, sitePostId);
        if (post is null)
        {
            await run.RecordFailedAsync(url, "detail", page.StatusCode, problem ?? "no post found", ct).ConfigureAwait(false);
            return;
        }

        var evidence = new Evidence(page.FinalUrl.AbsoluteUri, page.FetchedAt, page.StatusCode, page.ContentType, JsonSerializer.Serialize(page.Headers), page.Body);
        var outcome = await ingestor.IngestAsync(site.Name, post, evidence, ct).ConfigureAwait(false);
        run.NewPosts += outcome.Stored.IsNewPost ? 1 : 0;
        run.ChangedPosts += outcome.Stored.IsChanged && !outcome.Stored.IsNewPost ? 1 : 0;
        run.Flagged += outcome.Verdict?.Flagged == true ? 1 : 0;
        await run.RecordDoneAsync(url, "detail", page, "allowed", sitePostId, ct).ConfigureAwait(false);
    }

    private async Task MarkRemovedAsync(CrawlRun run, string sitePostId, FetchResult page, string why, CancellationToken ct)
    {
        if (await posts.MarkRemovedAsync(run.Site.Name, sitePostId, page.FetchedAt, ct).ConfigureAwait(false))
        {
            run.Removed++;
            logger.LogInformation("Post {SitePostId} on {Site} is gone ({Why})", sitePostId, run.Site.Name, why);
        }
    }
}
