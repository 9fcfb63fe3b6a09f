namespace ScamWatch.Takedown;

/// <summary>One platform's figures.</summary>
/// <param name="Platform">The site name.</param>
/// <param name="Total">Requests for the platform.</param>
/// <param name="ByState">Count per state; every state is present (zero when none).</param>
/// <param name="MedianFromDecided">Median from <c>decided_at</c> to first removal, over <paramref name="RemovedCount"/> removed requests.</param>
/// <param name="RemovedCount">Requests that were removed (operator-confirmed or verified), whatever their state now.</param>
/// <param name="MedianFromSent">Median from <c>sent_at</c> to first removal, over <paramref name="RemovedAfterSendCount"/> of them.</param>
/// <param name="RemovedAfterSendCount">Removed requests that had been sent.</param>
/// <param name="Overdue">Past the deadline and not removed, most overdue first.</param>
public sealed record PlatformStats(
    string Platform,
    long Total,
    IReadOnlyDictionary<string, long> ByState,
    TimeSpan? MedianFromDecided,
    int RemovedCount,
    TimeSpan? MedianFromSent,
    int RemovedAfterSendCount,
    IReadOnlyList<OverdueRequest> Overdue);
