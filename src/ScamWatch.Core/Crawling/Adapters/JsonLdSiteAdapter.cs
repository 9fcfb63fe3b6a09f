using AngleSharp.Dom;
using ScamWatch.Extraction;

namespace ScamWatch.Crawling.Adapters;

/// <summary>Kind <c>jsonld</c>: detail pages from sitemaps (and list pages), the post from schema.org JobPosting JSON-LD.</summary>
public sealed class JsonLdSiteAdapter(long maxSitemapBytes) : ISiteAdapter
{
    public string Kind => "jsonld";

    public async Task DiscoverAsync(CrawlRun run, CancellationToken ct)
    {
        await ListDiscovery.FromSitemapsAsync(run, maxSitemapBytes, ct).ConfigureAwait(false);
        await ListDiscovery.FromListPagesAsync(run, ct).ConfigureAwait(false);
    }

    public (ExtractedPost? Post, string? Problem) Extract(CrawlRun run, IDocument page, Uri url, string sitePostId)
    {
        var post = JsonLdExtractor.Read(page, url, sitePostId);
        if (post is null && run.Site.Detail.Title is not null)
        {
            var fallback = HtmlExtractor.ReadDetail(page, url, sitePostId, run.Site.Detail);
            post = fallback.Title is null && fallback.Body is null ? null : fallback;
        }

        return post is null ? (null, "no schema.org JobPosting in the page's JSON-LD") : (post, null);
    }
}
