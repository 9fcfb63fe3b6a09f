using Dapper;
using ScamWatch.Storage;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>
/// The figures page's numbers, per platform: requests by state, median time to takedown, overdue requests.
/// Time to takedown runs from delivery (or creation, if never delivered) to the operator's "removed", or to our recheck
/// finding the post gone for verified removals.
/// </summary>
public static class TakedownFigures
{
    /// <summary>How many overdue requests the page lists, oldest deadline first.</summary>
    public const int OverdueShown = 200;

    public sealed record PlatformFigures(string Platform, IReadOnlyDictionary<string, long> ByState, long Total, TimeSpan? MedianTimeToTakedown,
        int TakedownsTimed, IReadOnlyList<OverdueRequest> Overdue, long OverdueCount);

    public sealed record OverdueRequest(long Id, string Url, string State, string DeadlineAt, TimeSpan Late);

    public static async Task<IReadOnlyList<PlatformFigures>> ComputeAsync(Database database, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var counts = await connection.QueryAsync<(string Platform, string State, long Count)>(
            "SELECT platform, state, COUNT(*) FROM takedown_requests GROUP BY platform, state ORDER BY platform, state").ConfigureAwait(false);
        var timed = await connection.QueryAsync<(string Platform, string Started, string Ended)>(
            """
            SELECT platform, COALESCE(sent_at, created_at), CASE WHEN state = @removed THEN outcome_at ELSE verified_at END
            FROM takedown_requests
            WHERE (state = @removed AND outcome_at IS NOT NULL) OR (state = @verified AND verified_at IS NOT NULL)
            """, new { removed = TakedownState.Removed, verified = TakedownState.VerifiedRemoved }).ConfigureAwait(false);
        var overdue = await connection.QueryAsync<(long Id, string Platform, string Url, string State, string DeadlineAt)>(
            """
            SELECT id, platform, url, state, deadline_at FROM takedown_requests
            WHERE deadline_at IS NOT NULL AND deadline_at < @now AND state IN @open
            ORDER BY deadline_at, id
            """, new { now = Iso.ToText(now), open = new[] { TakedownState.Sent, TakedownState.Acknowledged, TakedownState.NoResponse } }).ConfigureAwait(false);

        var durations = timed.GroupBy(t => t.Platform, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => Iso.Parse(t.Ended) - Iso.Parse(t.Started)).Order().ToList(), StringComparer.Ordinal);
        var late = overdue.GroupBy(o => o.Platform, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return counts.GroupBy(c => c.Platform, StringComparer.Ordinal).Select(g =>
        {
            var spans = durations.GetValueOrDefault(g.Key) ?? [];
            var overdueHere = late.GetValueOrDefault(g.Key) ?? [];
            return new PlatformFigures(
                g.Key,
                g.ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal),
                g.Sum(c => c.Count),
                Median(spans),
                spans.Count,
                overdueHere.Take(OverdueShown).Select(o => new OverdueRequest(o.Id, o.Url, o.State, o.DeadlineAt, now - Iso.Parse(o.DeadlineAt))).ToList(),
                overdueHere.Count);
        }).ToList();
    }

    /// <summary>The middle of sorted values (the mean of the two middle ones for an even count), or null for none.</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>"3일 4시간" style text for a duration, in the page language.</summary>
    public static string Describe(TimeSpan span, bool english) => span.TotalDays >= 1
        ? english ? $"{(int)span.TotalDays} d {span.Hours} h" : $"{(int)span.TotalDays}일 {span.Hours}시간"
        : span.TotalHours >= 1
            ? english ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{(int)span.TotalHours}시간 {span.Minutes}분"
            : english ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalMinutes}분";
}
