using Dapper;
using Microsoft.Extensions.Logging;
using ScamWatch.Classification;
using ScamWatch.Storage;

namespace ScamWatch.Review;

/// <summary>
/// The review queue. Every state change is one conditional UPDATE, so two reviewers (or two nodes) can never both
/// decide the same item: the second finds the condition false and is told why.
/// </summary>
public sealed class ReviewQueue(Database database, Microsoft.Extensions.Options.IOptions<ReviewOptions> options, ILogger<ReviewQueue> logger)
{
    public async Task EnqueueAsync(long postId, long versionId, long classificationId, Verdict verdict, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var args = new
        {
            postId,
            versionId,
            classificationId,
            score = verdict.Score,
            threshold = verdict.Threshold,
            model = verdict.Model,
            at = Iso.ToText(at),
            open = ReviewStatus.Open,
        };
        var updated = await connection.ExecuteAsync(
            """
            UPDATE review_items SET post_version_id = @versionId, classification_id = @classificationId, score = @score, threshold = @threshold,
                                    model_version = @model
            WHERE post_id = @postId AND status = @open
            """, args).ConfigureAwait(false);
        if (updated == 0)
        {
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO review_items (post_id, post_version_id, classification_id, status, score, threshold, model_version, enqueued_at)
                VALUES (@postId, @versionId, @classificationId, @open, @score, @threshold, @model, @at)
                ON CONFLICT (post_id) DO NOTHING
                """, args).ConfigureAwait(false);
            if (inserted > 0)
            {
                logger.LogInformation("Queued post {PostId} for review with score {Score} by model {ModelVersion}", postId, verdict.Score, verdict.Model);
            }
        }
    }

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(QueueQuery query, CancellationToken ct = default)
    {
        // Both orders match an index (migration 5), so a page reads LIMIT rows instead of sorting the whole queue. Only
        // the filters given go into the WHERE, so a score band is a range on that index. The page's ids are found on
        // review_items alone (posts only to filter by site) and only they are joined: a deep OFFSET skips index entries,
        // not joined rows.
        var order = query.Order == QueueOrder.Uncertain ? "ABS(r.score - r.threshold) ASC, r.id ASC" : "r.score DESC, r.id ASC";
        var args = new
        {
            status = query.Status,
            site = query.Site,
            minScore = query.MinScore,
            maxScore = query.MaxScore,
            since = DayStart(query.Since, 0),
            until = DayStart(query.Until, 1),
            campaign = string.IsNullOrWhiteSpace(query.Campaign) ? null : query.Campaign.Trim(),
            limit = query.Limit,
            offset = query.Offset,
        };
        var filters = new List<string> { "r.status = @status" };
        void Filter(object? value, string sql)
        {
            if (value is not null)
            {
                filters.Add(sql);
            }
        }

        Filter(args.site, "p.site = @site");
        Filter(args.minScore, "r.score >= @minScore");
        Filter(args.maxScore, "r.score < @maxScore");
        Filter(args.since, "r.enqueued_at >= @since");
        Filter(args.until, "r.enqueued_at < @until");
        Filter(args.campaign, "r.post_id IN (SELECT h.post_id FROM post_handles h WHERE h.handle = @campaign)");
        var from = args.site is null ? "review_items r" : "review_items r JOIN posts p ON p.id = r.post_id";
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ReviewItem>(
            $"""
            {ItemColumns}
            FROM (SELECT r.id FROM {from} WHERE {string.Join(" AND ", filters)} ORDER BY {order} LIMIT @limit OFFSET @offset) page
            JOIN review_items r ON r.id = page.id
            {ItemJoins}
            ORDER BY {order}
            """, args).ConfigureAwait(false);
        return rows.AsList();
    }

    // "2026-11-25" → that day's (or the next day's) start as stored text; anything else means no bound.
    private static string? DayStart(string? day, int addDays) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? Iso.ToText(new DateTimeOffset(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : null;

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Status, long N)>("SELECT status, COUNT(*) FROM review_items GROUP BY status").ConfigureAwait(false);
        return rows.ToDictionary(r => r.Status, r => r.N);
    }

    public async Task<ReviewItem?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ReviewItem>(ItemSql + " WHERE r.id = @id", new { id }).ConfigureAwait(false);
    }

    /// <summary>
    /// The open items just before and after this one in risk order (the item page's previous/next keys), found on the
    /// risk index. Past the last item, next wraps to the riskiest; an item no longer open has only a next, the riskiest.
    /// </summary>
    public async Task<(long? Previous, long? Next)> NeighboursAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var item = await connection.QuerySingleOrDefaultAsync<(string Status, double Score)>(
            "SELECT status, score FROM review_items WHERE id = @id", new { id }).ConfigureAwait(false);
        var args = new { id, item.Score, open = ReviewStatus.Open };
        long? previous = null, next = null;
        if (item.Status == ReviewStatus.Open)
        {
            next = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM review_items WHERE status = @open AND score <= @Score AND (score < @Score OR id > @id) ORDER BY score DESC, id LIMIT 1",
                args).ConfigureAwait(false);
            previous = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM review_items WHERE status = @open AND score >= @Score AND (score > @Score OR id < @id) ORDER BY score, id DESC LIMIT 1",
                args).ConfigureAwait(false);
        }

        next ??= await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM review_items WHERE status = @open AND id <> @id ORDER BY score DESC, id LIMIT 1", args).ConfigureAwait(false);
        return (previous, next);
    }

    /// <summary>Takes or renews the lease on an item. False when another reviewer holds an unexpired lease.</summary>
    public async Task<bool> ClaimAsync(long id, string reviewer, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var n = await connection.ExecuteAsync(
            """
            UPDATE review_items SET claimed_by = @reviewer, claim_expires_at = @expires
            WHERE id = @id AND status IN ('open', 'escalated', 'second-review')
              AND (claimed_by IS NULL OR claimed_by = @reviewer OR claim_expires_at < @now)
            """, new { id, reviewer, expires = Iso.ToText(now + lease), now = Iso.ToText(now) }).ConfigureAwait(false);
        return n == 1;
    }

    public async Task<DecisionResult> DecideAsync(long id, string reviewer, DecisionKind kind, string? reasonCode, string? note, DateTimeOffset now, CancellationToken ct = default)
    {
        var at = Iso.ToText(now);
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        // Each transition is one conditional UPDATE: whoever's condition holds first wins, the rest are refused.
        string? newStatus = null;
        foreach (var (to, from, extra) in Transitions(kind, options.Value.RequireSecondReview))
        {
            var changed = await connection.ExecuteAsync(
                $"""
                UPDATE review_items SET status = @to, decided_at = @at, claimed_by = NULL, claim_expires_at = NULL
                WHERE id = @id AND status IN {from} AND (claimed_by IS NULL OR claimed_by = @reviewer OR claim_expires_at < @at) {extra}
                """, new { to, at, id, reviewer, second = ReviewStatus.SecondReview }, tx).ConfigureAwait(false);
            if (changed == 1)
            {
                newStatus = to;
                break;
            }
        }

        if (newStatus is null)
        {
            var current = await connection.QuerySingleOrDefaultAsync<(string Status, string? ClaimedBy, string? Until)>(
                "SELECT status, claimed_by, claim_expires_at FROM review_items WHERE id = @id", new { id }, tx).ConfigureAwait(false);
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return DecisionResult.Refused(current.Status is null ? $"item {id} does not exist"
                : current.ClaimedBy is not null && current.ClaimedBy != reviewer && ReviewStatus.IsUndecided(current.Status)
                    ? $"item {id} is claimed by {current.ClaimedBy} until {current.Until}"
                : current.Status == ReviewStatus.SecondReview && kind == DecisionKind.Confirm
                    ? $"item {id} needs a second, different reviewer: {reviewer} made the first confirmation"
                    : $"item {id} is already {current.Status}");
        }

        var item = await connection.QuerySingleAsync<(long PostId, long VersionId, double Score, string Model, string Site, string Url, string SitePostId, string? Title, string CapturedAt, string? Sha)>(
            """
            SELECT r.post_id, r.post_version_id, r.score, r.model_version, p.site, p.url, p.site_post_id, v.title, v.captured_at, e.sha256
            FROM review_items r JOIN posts p ON p.id = r.post_id JOIN post_versions v ON v.id = r.post_version_id
            LEFT JOIN evidence e ON e.id = v.evidence_id WHERE r.id = @id
            """, new { id }, tx).ConfigureAwait(false);

        var decisionId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO decisions (review_item_id, post_id, post_version_id, reviewer, decision, reason_code, note, evidence_sha256, model_version, score, decided_at)
            VALUES (@id, @PostId, @VersionId, @reviewer, @decision, @reasonCode, @note, @Sha, @Model, @Score, @at) RETURNING id
            """,
            new { id, item.PostId, item.VersionId, reviewer, decision = newStatus, reasonCode, note, item.Sha, item.Model, item.Score, at }, tx).ConfigureAwait(false);

        long? takedownId = null;
        if (newStatus == ReviewStatus.Confirmed)
        {
            takedownId = await connection.ExecuteScalarAsync<long?>(
                """
                INSERT INTO takedown_requests (post_id, platform, url, site_post_id, title, reason_code, state, evidence_sha256, captured_at,
                                               score, model_version, decided_at, created_at, updated_at, idempotency_key)
                VALUES (@PostId, @Site, @Url, @SitePostId, @Title, @reason, 'pending', @Sha, @CapturedAt, @Score, @Model, @at, @at, @at, @key)
                ON CONFLICT (post_id) DO NOTHING RETURNING id
                """,
                new
                {
                    item.PostId,
                    item.Site,
                    item.Url,
                    item.SitePostId,
                    item.Title,
                    reason = reasonCode ?? "employment-fraud",
                    item.Sha,
                    item.CapturedAt,
                    item.Score,
                    item.Model,
                    at,
                    key = "scamwatch-td-" + Guid.NewGuid().ToString("N")
                },
                tx).ConfigureAwait(false);
            if (takedownId is not null)
            {
                // The request row is the transactional outbox: it exists exactly when the decision does.
                await connection.ExecuteAsync(
                    """
                    INSERT INTO takedown_events (request_id, from_state, to_state, event, actor, note, at)
                    VALUES (@takedownId, NULL, 'pending', 'created', @reviewer, @reasonCode, @at)
                    """, new { takedownId, reviewer, reasonCode, at }, tx).ConfigureAwait(false);
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        logger.LogInformation("Reviewer {Reviewer} decided {Decision} on item {ItemId} (post {PostId}, score {Score}, model {ModelVersion})",
            reviewer, newStatus, id, item.PostId, item.Score, item.Model);
        return new DecisionResult(true, newStatus, decisionId, takedownId);
    }

    /// <summary>
    /// The post's campaign: other posts that share a contact handle with it, or are near-duplicates of it (or of the
    /// same original). Each with its queue item when it has one.
    /// </summary>
    public async Task<IReadOnlyList<CampaignMember>> CampaignAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CampaignMember>(
            """
            WITH root AS (SELECT COALESCE(duplicate_of_post_id, id) AS id FROM posts WHERE id = @postId),
            related AS (
                SELECT h2.post_id AS post_id, h1.handle AS why FROM post_handles h1 JOIN post_handles h2 ON h2.handle = h1.handle
                WHERE h1.post_id = @postId AND h2.post_id <> @postId
                UNION
                SELECT p.id, 'near-duplicate text' FROM posts p, root
                WHERE p.id <> @postId AND (p.id = root.id OR p.duplicate_of_post_id = root.id)
            )
            SELECT p.id AS post_id, MIN(r.why) AS shared, p.site, p.url, v.title, ri.id AS item_id, ri.status, ri.score
            FROM related r JOIN posts p ON p.id = r.post_id JOIN post_versions v ON v.id = p.current_version_id
            LEFT JOIN review_items ri ON ri.post_id = p.id
            GROUP BY p.id, p.site, p.url, v.title, ri.id, ri.status, ri.score
            ORDER BY p.id
            LIMIT 200
            """, new { postId }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Decides every open item of the post's campaign (and the post's own), one recorded decision per post.</summary>
    public async Task<IReadOnlyList<DecisionResult>> DecideCampaignAsync(long itemId, string reviewer, DecisionKind kind, string? reasonCode, string? note,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var item = await GetAsync(itemId, ct).ConfigureAwait(false);
        if (item is null)
        {
            return [DecisionResult.Refused($"item {itemId} does not exist")];
        }

        var ids = new List<long> { itemId };
        ids.AddRange((await CampaignAsync(item.PostId, ct).ConfigureAwait(false))
            .Where(m => m.ItemId is not null && ReviewStatus.IsUndecided(m.Status)).Select(m => m.ItemId!.Value));
        var results = new List<DecisionResult>();
        foreach (var id in ids.Distinct())
        {
            results.Add(await DecideAsync(id, reviewer, kind, reasonCode, (note is null ? "" : note + " ") + $"[campaign of item {itemId}]", now, ct).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// The allowed moves for a decision, tried in order: (new status, statuses it may come from, extra SQL condition).
    /// With second review a confirmation from an undecided item only reaches "second-review"; a different reviewer's
    /// confirmation then makes it "confirmed" (and only then does it go to takedown).
    /// </summary>
    public static IReadOnlyList<(string To, string From, string Extra)> Transitions(DecisionKind kind, bool requireSecondReview) => kind switch
    {
        DecisionKind.Confirm when requireSecondReview =>
        [
            (ReviewStatus.Confirmed, "('second-review')",
                "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.review_item_id = @id AND d.decision = @second AND d.reviewer = @reviewer)"),
            (ReviewStatus.SecondReview, "('open', 'escalated')", ""),
        ],
        DecisionKind.Confirm => [(ReviewStatus.Confirmed, "('open', 'escalated')", "")],
        DecisionKind.Reject => [(ReviewStatus.Rejected, "('open', 'escalated', 'second-review')", "")],
        _ => [(ReviewStatus.Escalated, "('open')", "")],
    };

    /// <summary>Streams the whole audit log (every decision ever recorded) in order, for export.</summary>
    public async IAsyncEnumerable<AuditRecord> StreamAuditAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        long after = 0;
        while (true)
        {
            var rows = (await connection.QueryAsync<AuditRecord>(
                """
                SELECT d.id, d.decided_at, d.reviewer, d.decision, d.reason_code, d.note, d.evidence_sha256, d.model_version, d.score,
                       p.site, p.site_post_id, p.url, d.post_version_id
                FROM decisions d JOIN posts p ON p.id = d.post_id WHERE d.id > @after ORDER BY d.id LIMIT 500
                """, new { after }).ConfigureAwait(false)).AsList();
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < 500)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditForPostAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditEntry>(
            "SELECT id, reviewer, decision, reason_code, note, evidence_sha256, model_version, score, decided_at FROM decisions WHERE post_id = @postId ORDER BY id",
            new { postId }).ConfigureAwait(false);
        return rows.AsList();
    }

    private const string ItemColumns = """
        SELECT r.id, r.post_id, r.post_version_id, r.status, r.score, r.model_version, c.threshold, r.enqueued_at, r.claimed_by,
               r.claim_expires_at, r.decided_at, p.site, p.url, v.title, v.company, v.contact, c.reasons
        """;

    private const string ItemJoins = """
        JOIN posts p ON p.id = r.post_id
        JOIN post_versions v ON v.id = r.post_version_id
        JOIN classifications c ON c.id = r.classification_id
        """;

    private const string ItemSql = ItemColumns + "\nFROM review_items r\n" + ItemJoins;
}
