using ScamWatch.Storage;

namespace ScamWatch.Takedown;

/// <summary>
/// The figures per platform, as a pure function over request rows: counts by state, median time to takedown, and the
/// overdue list. Time to takedown runs from <c>decided_at</c> (a reviewer confirmed the lure; the platform could act
/// from then) — and, for requests that were sent, also from <c>sent_at</c> — to the first moment the request reached
/// <c>removed</c> (the operator says so) or <c>verified-removed</c> (our recheck saw it gone), whichever came first.
/// Overdue: sent, acknowledged or no-response, with the platform's deadline passed and no removal.
/// </summary>
public static class TakedownStats
{
    public static readonly IReadOnlyList<string> OverdueStates = [TakedownState.Sent, TakedownState.Acknowledged, TakedownState.NoResponse];

    /// <summary>
    /// One row per request with the time it was first removed, from the append-only event log (outcome_at alone cannot
    /// tell: a refusal also sets it, and a refused post may later be verified gone).
    /// </summary>
    internal const string Sql = """
        SELECT t.id, t.platform, t.url, t.title, t.state, t.decided_at, t.sent_at, t.deadline_at,
               (SELECT MIN(e.at) FROM takedown_events e WHERE e.request_id = t.id AND e.to_state IN ('removed', 'verified-removed')) AS removed_at
        FROM takedown_requests t ORDER BY t.platform, t.id
        """;

    public static async Task<IReadOnlyList<PlatformStats>> ComputeAsync(IAsyncEnumerable<TakedownStatsRow> rows, DateTimeOffset now, CancellationToken ct = default)
    {
        var list = new List<TakedownStatsRow>();
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            list.Add(row);
        }

        return Compute(list, now);
    }

    public static IReadOnlyList<PlatformStats> Compute(IEnumerable<TakedownStatsRow> rows, DateTimeOffset now)
    {
        var result = new List<PlatformStats>();
        foreach (var platform in rows.GroupBy(r => r.Platform, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = TakedownState.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
            var fromDecided = new List<double>();
            var fromSent = new List<double>();
            var overdue = new List<OverdueRequest>();
            foreach (var r in platform)
            {
                counts[r.State] = counts.GetValueOrDefault(r.State) + 1;
                if (Iso.ParseOrNull(r.RemovedAt) is { } removed)
                {
                    fromDecided.Add((removed - Iso.Parse(r.DecidedAt)).TotalSeconds);
                    if (Iso.ParseOrNull(r.SentAt) is { } sent)
                    {
                        fromSent.Add((removed - sent).TotalSeconds);
                    }
                }
                else if (OverdueStates.Contains(r.State) && Iso.ParseOrNull(r.DeadlineAt) is { } deadline && deadline < now)
                {
                    overdue.Add(new OverdueRequest(r.Id, r.Url, r.Title, r.State, r.SentAt, r.DeadlineAt!, now - deadline));
                }
            }

            result.Add(new PlatformStats(
                platform.Key,
                counts.Values.Sum(),
                counts,
                Median(fromDecided),
                fromDecided.Count,
                Median(fromSent),
                fromSent.Count,
                [.. overdue.OrderByDescending(o => o.OverdueBy).ThenBy(o => o.Id)]));
        }

        return result;
    }

    public static TimeSpan? Median(List<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return null;
        }

        seconds.Sort();
        var mid = seconds.Count / 2;
        var value = seconds.Count % 2 == 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2;
        return TimeSpan.FromSeconds(value);
    }
}
