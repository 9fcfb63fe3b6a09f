using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Sites;
using ScamWatch.Storage;

namespace ScamWatch.Crawling;

/// <summary>
/// Runs one site once: list pages (bounded), then each detail page. A failure is recorded against its URL and
/// the run goes on.
/// </summary>
public sealed class SiteCrawler(PageFetcher fetcher, PostIngestor ingestor, PostStore posts, Database database, TimeProvider clock, ILogger<SiteCrawler> logger)
{
    public async Task<CrawlReport> RunAsync(SiteDefinition site, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var baseUri = new Uri(site.BaseUrl);
        var errors = new List<string>();
        int listPages = 0, detailPages = 0, created = 0, changed = 0, removed = 0, flagged = 0;
        var runId = await StartRunAsync(site.Name, ct).ConfigureAwait(false);
        logger.LogInformation("Crawl of {Site} started from {BaseUrl}", site.Name, site.BaseUrl);

        var details = new List<Uri>();
        var seenDetails = new HashSet<string>(StringComparer.Ordinal);
        var seenLists = new HashSet<string>(StringComparer.Ordinal);
        var lists = new Queue<Uri>(site.StartUrls.Select(u => new Uri(baseUri, u)));
        while (lists.Count > 0 && listPages < site.List.MaxPages)
        {
            var listUrl = lists.Dequeue();
            if (!seenLists.Add(listUrl.AbsoluteUri) || !InScope(baseUri, listUrl))
            {
                continue;
            }

            listPages++;
            var page = await fetcher.FetchAsync(listUrl, site, ct).ConfigureAwait(false);
            var html = Decode(page, site, errors);
            if (html is null)
            {
                continue;
            }

            try
            {
                var (links, next) = HtmlExtractor.ReadList(html, listUrl, site.List);
                foreach (var link in links.Where(l => InScope(baseUri, l) && seenDetails.Add(l.AbsoluteUri)))
                {
                    details.Add(link);
                }

                if (next is not null)
                {
                    lists.Enqueue(next);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(errors, listUrl, "list page could not be read: " + ex.Message);
            }
        }

        // Posts seen before but no longer listed are fetched again: a 404/410 or removal marker records the takedown.
        var known = await posts.ActiveUrlsAsync(site.Name, ct).ConfigureAwait(false);
        foreach (var url in known.Where(u => !seenDetails.Contains(u)).Take(site.List.MaxRecheck))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && InScope(baseUri, uri) && seenDetails.Add(uri.AbsoluteUri))
            {
                details.Add(uri);
            }
        }

        foreach (var url in details)
        {
            ct.ThrowIfCancellationRequested();
            detailPages++;
            var sitePostId = HtmlExtractor.PostId(url, site.PostIdPattern);
            var page = await fetcher.FetchAsync(url, site, ct).ConfigureAwait(false);
            if (page.IsGone)
            {
                if (await posts.MarkRemovedAsync(site.Name, sitePostId, page.FetchedAt, ct).ConfigureAwait(false))
                {
                    removed++;
                    logger.LogInformation("Post {SitePostId} on {Site} is gone (HTTP {Status})", sitePostId, site.Name, page.StatusCode);
                }

                continue;
            }

            var html = Decode(page, site, errors);
            if (html is null)
            {
                continue;
            }

            if (site.RemovalMarkers.Any(m => html.Contains(m, StringComparison.Ordinal)))
            {
                if (await posts.MarkRemovedAsync(site.Name, sitePostId, page.FetchedAt, ct).ConfigureAwait(false))
                {
                    removed++;
                }

                continue;
            }

            try
            {
                var extracted = HtmlExtractor.ReadDetail(html, url, sitePostId, site.Detail);
                if (extracted.Title is null && extracted.Body is null)
                {
                    Fail(errors, url, "no title or body found with the site's detail selectors");
                    continue;
                }

                var evidence = new Evidence(url.AbsoluteUri, page.FetchedAt, page.StatusCode, page.ContentType,
                    JsonSerializer.Serialize(page.Headers), page.Body);
                var outcome = await ingestor.IngestAsync(site.Name, extracted, evidence, ct).ConfigureAwait(false);
                created += outcome.Stored.IsNewPost ? 1 : 0;
                changed += outcome.Stored.IsChanged && !outcome.Stored.IsNewPost ? 1 : 0;
                flagged += outcome.Verdict?.Flagged == true ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(errors, url, "detail page could not be processed: " + ex.Message);
            }
        }

        var report = new CrawlReport(site.Name, listPages, detailPages, created, changed, removed, flagged, errors);
        await FinishRunAsync(runId, report, ct).ConfigureAwait(false);
        logger.LogInformation(
            "Crawl of {Site} done in {ElapsedMs} ms: {ListPages} list pages, {DetailPages} detail pages, {NewPosts} new, {ChangedPosts} changed, {Removed} removed, {Flagged} flagged, {Errors} errors",
            site.Name, watch.ElapsedMilliseconds, listPages, detailPages, created, changed, removed, flagged, errors.Count);
        return report;
    }

    private string? Decode(FetchResult page, SiteDefinition site, List<string> errors)
    {
        if (!page.IsSuccess)
        {
            Fail(errors, page.Url, page.Error ?? $"HTTP {page.StatusCode}");
            return null;
        }

        var decoded = CharsetDecoder.Decode(page.Body, page.ContentType, site.Encoding);
        if (decoded.Error is not null)
        {
            Fail(errors, page.Url, decoded.Error);
            return null;
        }

        return decoded.Text;
    }

    private void Fail(List<string> errors, Uri url, string reason)
    {
        errors.Add($"{url}: {reason}");
        logger.LogWarning("Crawl error at {Url}: {Reason}", url, reason);
    }

    private static bool InScope(Uri baseUri, Uri url) =>
        string.Equals(baseUri.Host, url.Host, StringComparison.OrdinalIgnoreCase) && baseUri.Port == url.Port;

    private async Task<long> StartRunAsync(string site, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO crawl_runs (site, started_at, status) VALUES (@site, @at, 'running') RETURNING id",
            new { site, at = Iso.ToText(clock.GetUtcNow()) }).ConfigureAwait(false);
    }

    private async Task FinishRunAsync(long runId, CrawlReport report, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            UPDATE crawl_runs SET finished_at = @at, pages = @pages, posts_new = @created, posts_changed = @changed, errors = @errors,
                   status = @status WHERE id = @runId
            """,
            new
            {
                at = Iso.ToText(clock.GetUtcNow()), pages = report.ListPages + report.DetailPages, created = report.NewPosts,
                changed = report.ChangedPosts, errors = report.Errors.Count, status = report.Errors.Count == 0 ? "ok" : "errors", runId,
            }).ConfigureAwait(false);
    }
}
