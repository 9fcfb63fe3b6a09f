namespace ScamWatch.Posts;

/// <summary>A post with its latest version and latest classification, as listed by <c>scamwatch posts</c>.</summary>
public sealed class PostRow
{
    public long Id { get; init; }
    public string Site { get; init; } = "";
    public string SitePostId { get; init; } = "";
    public string Url { get; init; } = "";
    public string FirstSeen { get; init; } = "";
    public string LastSeen { get; init; } = "";
    public string? RemovedAt { get; init; }
    public int Versions { get; init; }
    public string? DuplicateOfUrl { get; init; }
    public long VersionId { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public string? Salary { get; init; }
    public string? EmploymentType { get; init; }
    public string? Contact { get; init; }
    public string? PostedAt { get; init; }
    public string CapturedAt { get; init; } = "";
    public string? EvidenceSha256 { get; init; }
    public double? Score { get; init; }
    public bool? Flagged { get; init; }
    public string? Model { get; init; }
    public string? Reasons { get; init; }
}
