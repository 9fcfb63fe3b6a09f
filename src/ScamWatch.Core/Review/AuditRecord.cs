namespace ScamWatch.Review;

/// <summary>One audit-log line as exported: the decision with the post and evidence it was made on.</summary>
public sealed class AuditRecord
{
    public long Id { get; init; }
    public string DecidedAt { get; init; } = "";
    public string Reviewer { get; init; } = "";
    public string Decision { get; init; } = "";
    public string? ReasonCode { get; init; }
    public string? Note { get; init; }
    public string? EvidenceSha256 { get; init; }
    public string ModelVersion { get; init; } = "";
    public double Score { get; init; }
    public string Site { get; init; } = "";
    public string SitePostId { get; init; } = "";
    public string Url { get; init; } = "";
    public long PostVersionId { get; init; }
}
