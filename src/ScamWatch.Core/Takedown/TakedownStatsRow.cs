namespace ScamWatch.Takedown;

/// <summary>The columns the figures need, one row per request.</summary>
public sealed class TakedownStatsRow
{
    public long Id { get; init; }
    public string Platform { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string State { get; init; } = "";
    public string DecidedAt { get; init; } = "";
    public string? SentAt { get; init; }
    public string? DeadlineAt { get; init; }

    /// <summary>First transition into removed or verified-removed, from the event log.</summary>
    public string? RemovedAt { get; init; }
}
