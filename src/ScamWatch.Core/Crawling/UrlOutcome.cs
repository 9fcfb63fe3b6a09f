namespace ScamWatch.Crawling;

/// <summary>What happened to one URL in a run, as stored in the frontier.</summary>
public sealed record UrlOutcome(string State, string Robots)
{
    public int? Status { get; init; }
    public string? Error { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? SitePostId { get; init; }
}
