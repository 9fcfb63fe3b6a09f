namespace ScamWatch.Review;

/// <summary>A queue row: the flagged post, its latest verdict and who holds it.</summary>
public sealed class ReviewItem
{
    public long Id { get; init; }
    public long PostId { get; init; }
    public long PostVersionId { get; init; }
    public string Status { get; init; } = "";
    public double Score { get; init; }
    public string ModelVersion { get; init; } = "";
    public double Threshold { get; init; }
    public string EnqueuedAt { get; init; } = "";
    public string? ClaimedBy { get; init; }
    public string? ClaimExpiresAt { get; init; }
    public string? DecidedAt { get; init; }
    public string Site { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? Contact { get; init; }
    public string? Reasons { get; init; }
}
