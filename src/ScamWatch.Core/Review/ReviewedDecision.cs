namespace ScamWatch.Review;

/// <summary>
/// One row of the decisions audit log joined with the exact post version that was reviewed (not the post's latest
/// text): what training on reviewer decisions needs.
/// </summary>
public sealed record ReviewedDecision
{
    public long DecisionId { get; init; }
    public long PostId { get; init; }
    public long PostVersionId { get; init; }
    public int VersionNo { get; init; }
    public string Reviewer { get; init; } = "";
    public string Decision { get; init; } = "";
    public string DecidedAt { get; init; } = "";
    public string Site { get; init; } = "";
    public string SitePostId { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public string? Salary { get; init; }
    public string? EmploymentType { get; init; }
    public string? Contact { get; init; }
    public string? PostedAt { get; init; }
}
