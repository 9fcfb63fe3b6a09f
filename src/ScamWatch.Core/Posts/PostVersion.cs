namespace ScamWatch.Posts;

/// <summary>One stored version of a post, as evidence of what it said when.</summary>
public sealed class PostVersion
{
    public long Id { get; init; }
    public int VersionNo { get; init; }
    public string CapturedAt { get; init; } = "";
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Contact { get; init; }
    public string? Salary { get; init; }
    public string ContentHash { get; init; } = "";
    public string? EvidenceSha256 { get; init; }
}
