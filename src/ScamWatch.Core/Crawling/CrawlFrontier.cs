using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Crawling;

/// <summary>
/// The durable frontier: every discovered URL is stored with its state for the current run, so a run that crashes
/// resumes where it stopped — discovered URLs are not lost and URLs already done in that run are not fetched again.
/// </summary>
public sealed class CrawlFrontier(Database database, TimeProvider clock)
{
    public static class States
    {
        public const string Pending = "pending";
        public const string Done = "done";
        public const string Failed = "failed";
        public const string Blocked = "blocked";
    }

    /// <summary>Resumes the site's unfinished run, or starts a new one that re-checks every known detail URL.</summary>
    public async Task<(long RunId, bool Resumed)> BeginRunAsync(string site, int maxRecheck, CancellationToken ct)
    {
        var now = Iso.ToText(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var unfinished = await connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(id) FROM crawl_runs WHERE site = @site AND status = 'running'", new { site }).ConfigureAwait(false);
        if (unfinished is { } resumed)
        {
            return (resumed, true);
        }

        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var runId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO crawl_runs (site, started_at, status) VALUES (@site, @now, 'running') RETURNING id", new { site, now }, tx).ConfigureAwait(false);

        // Known posts are fetched again each run (cheap with conditional GET) so edits and removals are noticed.
        await connection.ExecuteAsync(
            $"""
            UPDATE crawl_urls SET state = 'pending', run_id = @runId
            WHERE id IN (SELECT u.id FROM crawl_urls u JOIN posts p ON p.site = u.site AND p.site_post_id = u.site_post_id
                         WHERE u.site = @site AND u.kind = 'detail' AND p.removed_at IS NULL ORDER BY p.last_seen LIMIT {Math.Max(0, maxRecheck)})
            """, new { site, runId }, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (runId, false);
    }

    /// <summary>Adds a URL to this run's work unless it was already done in this run. Returns whether it is pending now.</summary>
    public async Task<bool> EnqueueAsync(string site, long runId, string url, string kind, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var n = await connection.ExecuteAsync(
            """
            INSERT INTO crawl_urls (site, url, kind, state, discovered_at, run_id) VALUES (@site, @url, @kind, 'pending', @now, @runId)
            ON CONFLICT (site, url) DO UPDATE SET state = 'pending', run_id = excluded.run_id, kind = excluded.kind
            WHERE crawl_urls.run_id IS NULL OR crawl_urls.run_id <> excluded.run_id
            """, new { site, url, kind, now = Iso.ToText(clock.GetUtcNow()), runId }).ConfigureAwait(false);
        return n > 0;
    }

    public async Task<IReadOnlyList<FrontierUrl>> PendingAsync(string site, long runId, string kind, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<FrontierUrl>(
            """
            SELECT id, url, kind, state, etag, last_modified, site_post_id, attempts FROM crawl_urls
            WHERE site = @site AND run_id = @runId AND kind = @kind AND state = 'pending' ORDER BY id LIMIT @limit
            """, new { site, runId, kind, limit }).ConfigureAwait(false)).AsList();
    }

    public async Task<FrontierUrl?> GetAsync(string site, string url, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<FrontierUrl>(
            "SELECT id, url, kind, state, etag, last_modified, site_post_id, attempts FROM crawl_urls WHERE site = @site AND url = @url",
            new { site, url }).ConfigureAwait(false);
    }

    /// <summary>Records the outcome for a URL: its state, status, error, robots decision and validators for next time.</summary>
    public async Task RecordAsync(string site, string url, string kind, UrlOutcome outcome, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO crawl_urls (site, url, kind, state, discovered_at, fetched_at, last_status, last_error, etag, last_modified, robots, site_post_id, attempts)
            VALUES (@site, @url, @kind, @State, @now, @now, @Status, @Error, @ETag, @LastModified, @Robots, @SitePostId, 1)
            ON CONFLICT (site, url) DO UPDATE SET state = excluded.state, fetched_at = excluded.fetched_at, last_status = excluded.last_status,
                last_error = excluded.last_error, robots = excluded.robots,
                etag = COALESCE(excluded.etag, crawl_urls.etag), last_modified = COALESCE(excluded.last_modified, crawl_urls.last_modified),
                site_post_id = COALESCE(excluded.site_post_id, crawl_urls.site_post_id), attempts = crawl_urls.attempts + 1
            """,
            new
            {
                site,
                url,
                kind,
                outcome.State,
                now = Iso.ToText(clock.GetUtcNow()),
                outcome.Status,
                outcome.Error,
                outcome.ETag,
                outcome.LastModified,
                outcome.Robots,
                outcome.SitePostId,
            }).ConfigureAwait(false);
    }

    public async Task FinishRunAsync(long runId, CrawlReport report, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            UPDATE crawl_runs SET finished_at = @at, pages = @pages, posts_new = @created, posts_changed = @changed, errors = @errors, status = @status
            WHERE id = @runId
            """,
            new
            {
                at = Iso.ToText(clock.GetUtcNow()),
                pages = report.ListPages + report.DetailPages,
                created = report.NewPosts,
                changed = report.ChangedPosts,
                errors = report.Errors.Count,
                status = report.Errors.Count == 0 ? "ok" : "errors",
                runId,
            }).ConfigureAwait(false);
    }
}
