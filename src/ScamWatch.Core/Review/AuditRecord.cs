namespace ScamWatch.Review;

/// <summary>One audit-log line as exported: the decision with the post and version it was made on.</summary>
public sealed class AuditRecord : AuditEntry
{
    public string Site { get; init; } = "";
    public string SitePostId { get; init; } = "";
    public string Url { get; init; } = "";
    public long PostVersionId { get; init; }
}
