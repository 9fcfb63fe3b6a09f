using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Logging;
using ScamWatch.Storage;

namespace ScamWatch.Takedown;

/// <summary>
/// Takedown requests: read per platform in id order (an operator sees only its own), and moved through
/// <see cref="TakedownLifecycle"/> by one conditional UPDATE per transition, each written to the append-only
/// <c>takedown_events</c> log in the same transaction.
/// </summary>
public sealed class TakedownStore(Database database, ILogger<TakedownStore> logger)
{
    private const string Columns = """
        id, post_id, platform, url, site_post_id, title, reason_code, state, evidence_sha256, captured_at, score, model_version,
        decided_at, created_at, updated_at, idempotency_key, sent_at, deadline_at, acknowledged_at, outcome_at, verified_at, checked_at,
        operator_note, reappeared_post_id
        """;

    /// <summary>Every request (of one platform, or all), in id order, page by page: constant memory.</summary>
    public IAsyncEnumerable<TakedownRequest> StreamAsync(string? platform, CancellationToken ct = default) => StreamAsync(platform, null, 0, ct);

    /// <summary>Requests after a cursor (a request id), optionally in one state, in id order.</summary>
    public async IAsyncEnumerable<TakedownRequest> StreamAsync(string? platform, string? state, long afterId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        const int page = 500;
        var after = afterId;
        while (true)
        {
            var rows = (await connection.QueryAsync<TakedownRequest>(
                $"""
                SELECT {Columns} FROM takedown_requests
                WHERE id > @after AND (@platform IS NULL OR platform = @platform) AND (@state IS NULL OR state = @state)
                ORDER BY id LIMIT @page
                """, new { after, platform, state, page }).ConfigureAwait(false)).AsList();
            await AttachHandlesAsync(connection, rows, after, platform, state).ConfigureAwait(false);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < page)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    // One query per page, over the same id range and filters as the page (a join rather than an IN list, which Dapper
    // expands on SQLite but passes as one array parameter on Npgsql); post_handles' primary key starts with post_id.
    private static async Task AttachHandlesAsync(System.Data.Common.DbConnection connection, List<TakedownRequest> rows, long after, string? platform, string? state)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var handles = (await connection.QueryAsync<(long PostId, string Handle)>(
            """
            SELECT h.post_id, h.handle FROM takedown_requests t JOIN post_handles h ON h.post_id = t.post_id
            WHERE t.id > @after AND t.id <= @last AND (@platform IS NULL OR t.platform = @platform) AND (@state IS NULL OR t.state = @state)
            ORDER BY h.post_id, h.handle
            """, new { after, last = rows[^1].Id, platform, state }).ConfigureAwait(false))
            .GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(h => h.Handle)]);
        foreach (var row in rows)
        {
            if (handles.TryGetValue(row.PostId, out var list))
            {
                row.ContactHandles = list;
            }
        }
    }

    /// <summary>
    /// The page a request's evidence hash refers to, decompressed, read on a connection the caller holds open for the
    /// whole export. Null when the request has no evidence or the page is not stored.
    /// </summary>
    public static async Task<CapturedPage?> CapturedPageAsync(System.Data.Common.DbConnection connection, TakedownRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(request.EvidenceSha256))
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<(string? ContentType, byte[] Body)>(new CommandDefinition(
            """
            SELECT e.content_type, e.body_gzip FROM post_versions v JOIN evidence e ON e.id = v.evidence_id
            WHERE v.post_id = @PostId AND e.sha256 = @EvidenceSha256 ORDER BY v.version_no DESC LIMIT 1
            """, new { request.PostId, request.EvidenceSha256 }, cancellationToken: ct)).ConfigureAwait(false);
        return row.Body is null ? null : new CapturedPage(Posts.Evidence.Decompress(row.Body), row.ContentType);
    }

    /// <summary>Per platform: counts by state, median time to takedown, overdue requests (see <see cref="TakedownStats"/>).</summary>
    public async Task<IReadOnlyList<PlatformStats>> StatsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<TakedownStatsRow>(TakedownStats.Sql);
        return await TakedownStats.ComputeAsync(rows, now, ct).ConfigureAwait(false);
    }

    public async Task<TakedownRequest?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<TakedownRequest>($"SELECT {Columns} FROM takedown_requests WHERE id = @id", new { id }).ConfigureAwait(false);
    }

    public async Task<TakedownRequest?> ForPostAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<TakedownRequest>($"SELECT {Columns} FROM takedown_requests WHERE post_id = @postId", new { postId }).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies one event. The UPDATE is conditional on the state the decision was made from, so two nodes (or an
    /// operator and the verifier) racing on one request cannot both move it; the loser is told the current state.
    /// <paramref name="deadline"/> is set when the request is sent (the platform's time to act).
    /// </summary>
    public async Task<TakedownTransition> TransitionAsync(long id, TakedownEvent e, string actor, string? note, DateTimeOffset at,
        TimeSpan? deadline = null, long? reappearedPostId = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await connection.QuerySingleOrDefaultAsync<string>("SELECT state FROM takedown_requests WHERE id = @id", new { id }).ConfigureAwait(false);
            if (current is null)
            {
                return TakedownTransition.Refuse("", $"takedown request {id} does not exist");
            }

            var next = TakedownLifecycle.Next(current, e);
            if (!next.Allowed || !next.Changed)
            {
                return next;
            }

            var now = Iso.ToText(at);
            var column = e switch
            {
                TakedownEvent.Sent => "sent_at",
                TakedownEvent.Acknowledged => "acknowledged_at",
                TakedownEvent.Removed or TakedownEvent.Refused or TakedownEvent.DeadlinePassed => "outcome_at",
                TakedownEvent.VerifiedGone => "verified_at",
                _ => null, // reappeared has no column of its own (PostgreSQL refuses updated_at twice)
            };
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var changed = await connection.ExecuteAsync(
                $"""
                UPDATE takedown_requests SET state = @to, updated_at = @now{(column is null ? "" : $", {column} = @now")},
                    deadline_at = CASE WHEN @deadlineAt IS NULL THEN deadline_at ELSE @deadlineAt END,
                    operator_note = CASE WHEN @operatorNote IS NULL THEN operator_note ELSE @operatorNote END,
                    reappeared_post_id = CASE WHEN @reappearedPostId IS NULL THEN reappeared_post_id ELSE @reappearedPostId END
                WHERE id = @id AND state = @from
                """,
                new
                {
                    to = next.To,
                    now,
                    id,
                    from = current,
                    deadlineAt = deadline is { } d ? Iso.ToText(at + d) : null,
                    operatorNote = e is TakedownEvent.Acknowledged or TakedownEvent.Removed or TakedownEvent.Refused ? note : null,
                    reappearedPostId,
                }, tx).ConfigureAwait(false);
            if (changed == 0)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                continue; // someone else moved it first: decide again from the state they left
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO takedown_events (request_id, from_state, to_state, event, actor, note, at)
                VALUES (@id, @from, @to, @event, @actor, @note, @now)
                """, new { id, from = current, to = next.To, @event = TakedownLifecycle.EventName(e), actor, note, now }, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            logger.LogInformation("Takedown request {RequestId} moved {FromState} → {ToState} on {Event} by {Actor}", id, current, next.To, TakedownLifecycle.EventName(e), actor);
            return next;
        }

        return TakedownTransition.Refuse("", $"takedown request {id} kept changing under us; try again");
    }

    /// <summary>The request's history, oldest first (append-only).</summary>
    public async Task<IReadOnlyList<TakedownEventRow>> EventsAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<TakedownEventRow>(
            "SELECT id, request_id, from_state, to_state, event, actor, note, at FROM takedown_events WHERE request_id = @id ORDER BY id",
            new { id }).ConfigureAwait(false)).AsList();
    }

    public async Task<IReadOnlyList<(string Platform, long Count)>> PlatformsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<(string, long)>(
            "SELECT platform, COUNT(*) FROM takedown_requests GROUP BY platform ORDER BY platform").ConfigureAwait(false)).AsList();
    }
}

/// <summary>One line of a takedown request's history.</summary>
public sealed class TakedownEventRow
{
    public long Id { get; init; }
    public long RequestId { get; init; }
    public string? FromState { get; init; }
    public string ToState { get; init; } = "";
    public string Event { get; init; } = "";
    public string Actor { get; init; } = "";
    public string? Note { get; init; }
    public string At { get; init; } = "";
}
