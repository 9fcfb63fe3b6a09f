namespace ScamWatch.Bench;

/// <summary>
/// Where a seeded post stands in the review queue: the version it was queued with (the latest flagged one), when, and
/// the decisions taken on it so far (none while it is open).
/// </summary>
public sealed record SeedReview(int VersionIndex, DateTimeOffset EnqueuedAt, string Status, DateTimeOffset? DecidedAt,
    string? ClaimedBy, DateTimeOffset? ClaimExpiresAt, IReadOnlyList<SeedDecision> Decisions);
