namespace ScamWatch.Crawling;

/// <summary>What one run of one site did. Errors carry the URL and the reason.</summary>
public sealed record CrawlReport(string Site, int ListPages, int DetailPages, int NewPosts, int ChangedPosts, int Removed, int Flagged, IReadOnlyList<string> Errors);
