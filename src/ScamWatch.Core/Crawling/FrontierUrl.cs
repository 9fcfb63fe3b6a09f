namespace ScamWatch.Crawling;

/// <summary>A URL the crawler knows about for a site, with what it learned last time it fetched it.</summary>
public sealed class FrontierUrl
{
    public long Id { get; init; }
    public string Url { get; init; } = "";
    public string Kind { get; init; } = "";
    public string State { get; init; } = "";
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? SitePostId { get; init; }
    public int Attempts { get; init; }
}
