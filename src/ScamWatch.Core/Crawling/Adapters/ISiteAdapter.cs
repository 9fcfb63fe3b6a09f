using AngleSharp.Dom;
using ScamWatch.Extraction;

namespace ScamWatch.Crawling.Adapters;

/// <summary>
/// What differs between kinds of site: how detail pages are discovered (and, for APIs, read directly), and how a
/// detail page becomes a post. Fetching, robots, politeness, storage and lifecycle are the crawler's, not the adapter's.
/// </summary>
public interface ISiteAdapter
{
    string Kind { get; }

    /// <summary>Finds this run's detail URLs (enqueued in the frontier) or, for APIs, ingests the items it reads.</summary>
    Task DiscoverAsync(CrawlRun run, CancellationToken ct);

    /// <summary>Reads a post from a parsed detail page; null with a reason when the page holds none.</summary>
    (ExtractedPost? Post, string? Problem) Extract(CrawlRun run, IDocument page, Uri url, string sitePostId);
}
