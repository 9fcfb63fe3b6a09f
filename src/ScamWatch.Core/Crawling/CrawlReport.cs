namespace ScamWatch.Crawling;

/// <summary>What one run of one site did. Errors carry the URL and the reason.</summary>
public sealed record CrawlReport(string Site, int ListPages, int DetailPages, int NewPosts, int ChangedPosts, int Removed, int Flagged, IReadOnlyList<string> Errors)
{
    /// <summary>Detail pages answered 304 Not Modified (nothing reprocessed).</summary>
    public int NotModified { get; init; }

    /// <summary>URLs not fetched because robots.txt disallows them.</summary>
    public int Blocked { get; init; }

    /// <summary>Whether this run continued one that had stopped part-way.</summary>
    public bool Resumed { get; init; }
}
