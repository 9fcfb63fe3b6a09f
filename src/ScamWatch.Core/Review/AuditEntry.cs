namespace ScamWatch.Review;

/// <summary>One recorded decision: who, what, why, on which evidence, with which model. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; init; }
    public string Reviewer { get; init; } = "";
    public string Decision { get; init; } = "";
    public string? ReasonCode { get; init; }
    public string? Note { get; init; }
    public string? EvidenceSha256 { get; init; }
    public string ModelVersion { get; init; } = "";
    public double Score { get; init; }
    public string DecidedAt { get; init; } = "";
}
