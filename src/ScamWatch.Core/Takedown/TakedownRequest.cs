namespace ScamWatch.Takedown;

/// <summary>A request to one platform to remove one confirmed lure.</summary>
public sealed class TakedownRequest
{
    public long Id { get; init; }
    public long PostId { get; init; }
    public string Platform { get; init; } = "";
    public string Url { get; init; } = "";
    public string SitePostId { get; init; } = "";
    public string? Title { get; init; }
    public string ReasonCode { get; init; } = "";
    public string State { get; init; } = "";
    public string? EvidenceSha256 { get; init; }
    public string CapturedAt { get; init; } = "";
    public double Score { get; init; }
    public string ModelVersion { get; init; } = "";
    public string DecidedAt { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    /// <summary>Stable per request: a receiver that sees it twice knows it is the same request.</summary>
    public string IdempotencyKey { get; init; } = "";
    public string? SentAt { get; init; }
    public string? DeadlineAt { get; init; }
    public string? AcknowledgedAt { get; init; }
    public string? OutcomeAt { get; init; }
    public string? VerifiedAt { get; init; }
    public string? CheckedAt { get; init; }
    public string? OperatorNote { get; init; }
    public long? ReappearedPostId { get; init; }

    /// <summary>The post's contact handles (<c>@telegram</c>, <c>kakao:</c>, <c>line:</c>, <c>tel:</c>, …), filled by <see cref="TakedownStore.StreamAsync(string?, string?, long, CancellationToken)"/>.</summary>
    public IReadOnlyList<string> ContactHandles { get; set; } = [];
}
