using AngleSharp.Dom;
using ScamWatch.Extraction;

namespace ScamWatch.Crawling.Adapters;

/// <summary>
/// Kinds <c>html</c> and <c>jsonld</c>: detail pages from sitemaps and list pages. <c>html</c> reads the post with the
/// site's CSS selectors and falls back to schema.org JobPosting JSON-LD; <c>jsonld</c> the other way round.
/// </summary>
public sealed class PageSiteAdapter(string kind, long maxSitemapBytes) : ISiteAdapter
{
    public string Kind => kind;

    public async Task DiscoverAsync(CrawlRun run, CancellationToken ct)
    {
        await ListDiscovery.FromSitemapsAsync(run, maxSitemapBytes, ct).ConfigureAwait(false);
        await ListDiscovery.FromListPagesAsync(run, ct).ConfigureAwait(false);
    }

    public (ExtractedPost? Post, string? Problem) Extract(CrawlRun run, IDocument page, Uri url, string sitePostId)
    {
        // JSON-LD is read first either way: selector extraction removes the excluded elements (scripts among them).
        var jsonLd = JsonLdExtractor.Read(page, url, sitePostId);
        if (kind == "jsonld" && jsonLd is not null)
        {
            return (jsonLd, null);
        }

        var hasSelectors = run.Site.Detail.Title is not null || run.Site.Detail.Body is not null;
        var bySelectors = hasSelectors ? HtmlExtractor.ReadDetail(page, url, sitePostId, run.Site.Detail) : null;
        if (bySelectors is { Title: not null } or { Body: not null })
        {
            return (bySelectors, null);
        }

        return jsonLd is not null
            ? (jsonLd, null)
            : (null, kind == "jsonld" ? "no schema.org JobPosting in the page's JSON-LD" : "no title or body found with the site's detail selectors");
    }
}
