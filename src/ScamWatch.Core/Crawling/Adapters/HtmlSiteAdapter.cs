using AngleSharp.Dom;
using ScamWatch.Extraction;

namespace ScamWatch.Crawling.Adapters;

/// <summary>Kind <c>html</c>: list pages and CSS selectors; JSON-LD on the page is the fallback when the selectors find nothing.</summary>
public sealed class HtmlSiteAdapter(long maxSitemapBytes) : ISiteAdapter
{
    public string Kind => "html";

    public async Task DiscoverAsync(CrawlRun run, CancellationToken ct)
    {
        await ListDiscovery.FromSitemapsAsync(run, maxSitemapBytes, ct).ConfigureAwait(false);
        await ListDiscovery.FromListPagesAsync(run, ct).ConfigureAwait(false);
    }

    public (ExtractedPost? Post, string? Problem) Extract(CrawlRun run, IDocument page, Uri url, string sitePostId)
    {
        // JSON-LD is read first: extraction removes the excluded elements (scripts among them) from the page.
        var jsonLd = JsonLdExtractor.Read(page, url, sitePostId);
        var post = HtmlExtractor.ReadDetail(page, url, sitePostId, run.Site.Detail);
        if (post.Title is null && post.Body is null && jsonLd is not null)
        {
            post = jsonLd;
        }

        return post.Title is null && post.Body is null ? (null, "no title or body found with the site's detail selectors") : (post, null);
    }
}
