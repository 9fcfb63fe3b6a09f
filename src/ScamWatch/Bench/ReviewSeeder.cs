using System.Data.Common;
using Dapper;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Storage;

namespace ScamWatch.Bench;

/// <summary>
/// Writes the review benchmark's posts into a migrated, empty database in one transaction with prepared commands:
/// the rows PostStore, ClassificationStore and ReviewQueue would have written for the same crawl and review history
/// (evidence, posts with SimHash bands and near-duplicate links, versions, classifications, contact handles, queue
/// items, decisions and takedown requests). Posts are generated on all cores while the previous batch is inserted.
/// </summary>
public sealed class ReviewSeeder(Database database)
{
    private const int Batch = 2000;

    // SimHash bands as PostStore.LinkNearDuplicateAsync queries them: (band, value) → earlier posts, in id order.
    private readonly List<(long Id, ulong Hash)>[] _bands = [.. Enumerable.Range(0, SimHash.Bands * 256).Select(_ => new List<(long, ulong)>())];
    private long _versionId;
    private long _itemId;
    private long _decisionId;
    private long _takedownId;

    public async Task SeedAsync(ReviewSeedGenerator generator, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        // A bigger page cache for the bulk insert only (index pages stay in memory rather than spilling mid-transaction);
        // restored before the connection goes back to the pool, so the server measured afterwards has SQLite's default.
        var cacheSize = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size").ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA cache_size = -1048576").ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var sql = new SeedCommands(connection, tx);
        static Task<SeedPost[]> Generate(ReviewSeedGenerator g, int from, int n, CancellationToken ct) => Task.Run(() =>
        {
            var posts = new SeedPost[n];
            Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, i => posts[i] = g.Create(from + i));
            return posts;
        }, ct);

        var next = Generate(generator, 0, Math.Min(Batch, count), ct);
        for (var from = 0; from < count; from += Batch)
        {
            var batch = await next.ConfigureAwait(false);
            if (from + Batch < count)
            {
                next = Generate(generator, from + Batch, Math.Min(Batch, count - from - Batch), ct);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                Insert(sql, from + i + 1, batch[i]);
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        sql.Dispose();
        await connection.ExecuteAsync($"PRAGMA cache_size = {cacheSize}").ConfigureAwait(false);
    }

    private void Insert(SeedCommands sql, long postId, SeedPost p)
    {
        var firstVersionId = _versionId + 1;
        var currentVersionId = firstVersionId + p.Versions.Count - 1;
        var bands = new object?[SimHash.Bands];
        for (var k = 0; k < SimHash.Bands; k++)
        {
            bands[k] = p.SimHash is { } h ? SimHash.Band(h, k) : null;
        }

        var duplicateOf = p.SimHash is { } hash ? LinkNearDuplicate(postId, hash) : null;
        SeedCommands.Run(sql.Post, [postId, p.Site, p.SitePostId, p.Url, Iso.ToText(p.FirstSeen), Iso.ToText(p.LastSeen),
            p.RemovedAt is { } r ? Iso.ToText(r) : null, currentVersionId, p.Versions.Count, duplicateOf, .. bands]);
        for (var v = 0; v < p.Versions.Count; v++)
        {
            var version = p.Versions[v];
            var id = ++_versionId;
            var e = version.Evidence;
            var at = Iso.ToText(version.CapturedAt);
            SeedCommands.Run(sql.Evidence, id, e.Url, Iso.ToText(e.FetchedAt), e.StatusCode, e.ContentType, e.HeadersJson, e.Sha256, (long)e.Raw.Length, version.EvidenceGzip);
            var x = version.Post;
            SeedCommands.Run(sql.Version, id, postId, v + 1, version.ContentHash, x.Title, x.Body, x.Company, x.Location, x.Salary, x.EmploymentType,
                x.Contact, x.PostedAt, at, id);
            var verdict = version.Verdict;
            SeedCommands.Run(sql.Classification, id, id, verdict.Model, verdict.Score, verdict.Threshold, verdict.Flagged ? 1 : 0,
                version.ReasonsJson, at);
        }

        foreach (var handle in p.Handles)
        {
            SeedCommands.Run(sql.Handle, postId, handle);
        }

        if (p.Review is { } review)
        {
            InsertReview(sql, postId, firstVersionId + review.VersionIndex, p, review);
        }
    }

    private void InsertReview(SeedCommands sql, long postId, long versionId, SeedPost p, SeedReview review)
    {
        var version = p.Versions[review.VersionIndex];
        var verdict = version.Verdict;
        var itemId = ++_itemId;
        SeedCommands.Run(sql.Item, itemId, postId, versionId, versionId, review.Status, verdict.Score, verdict.Threshold, verdict.Model, Iso.ToText(review.EnqueuedAt),
            review.ClaimedBy, review.ClaimExpiresAt is { } until ? Iso.ToText(until) : null, review.DecidedAt is { } decided ? Iso.ToText(decided) : null);
        foreach (var d in review.Decisions)
        {
            var at = Iso.ToText(d.At);
            SeedCommands.Run(sql.Decision, ++_decisionId, itemId, postId, versionId, d.Reviewer, d.Decision, d.ReasonCode, d.Note, version.Evidence.Sha256,
                verdict.Model, verdict.Score, at);
            if (d.Decision == ReviewStatus.Confirmed)
            {
                SeedCommands.Run(sql.Takedown, ++_takedownId, postId, p.Site, p.Url, p.SitePostId, version.Post.Title, d.ReasonCode ?? "employment-fraud", "pending",
                    version.Evidence.Sha256, Iso.ToText(version.CapturedAt), verdict.Score, verdict.Model, at, at, at);
            }
        }
    }

    /// <summary>The earliest earlier post within <see cref="SimHash.MaxDistance"/> bits sharing a band, as PostStore links it.</summary>
    private long? LinkNearDuplicate(long postId, ulong hash)
    {
        long? best = null;
        for (var k = 0; k < SimHash.Bands; k++)
        {
            foreach (var (id, other) in _bands[k * 256 + SimHash.Band(hash, k)])
            {
                if (best is { } b && id >= b)
                {
                    break;
                }

                if (SimHash.Distance(hash, other) <= SimHash.MaxDistance)
                {
                    best = id;
                    break;
                }
            }
        }

        for (var k = 0; k < SimHash.Bands; k++)
        {
            _bands[k * 256 + SimHash.Band(hash, k)].Add((postId, hash));
        }

        return best;
    }

    /// <summary>One prepared INSERT per table, reused for every row.</summary>
    private sealed class SeedCommands(DbConnection connection, DbTransaction tx) : IDisposable
    {
        public DbCommand Evidence { get; } = Prepare(connection, tx, "evidence",
            "id", "url", "fetched_at", "status_code", "content_type", "headers", "sha256", "raw_length", "body_gzip");

        public DbCommand Post { get; } = Prepare(connection, tx, "posts",
            ["id", "site", "site_post_id", "url", "first_seen", "last_seen", "removed_at", "current_version_id", "versions", "duplicate_of_post_id",
             .. Enumerable.Range(0, SimHash.Bands).Select(k => $"simhash_b{k}")]);

        public DbCommand Version { get; } = Prepare(connection, tx, "post_versions",
            "id", "post_id", "version_no", "content_hash", "title", "body", "company", "location", "salary", "employment_type", "contact", "posted_at",
            "captured_at", "evidence_id");

        public DbCommand Classification { get; } = Prepare(connection, tx, "classifications",
            "id", "post_version_id", "model_version", "score", "threshold", "flagged", "reasons", "classified_at");

        public DbCommand Handle { get; } = Prepare(connection, tx, "post_handles", "post_id", "handle");

        public DbCommand Item { get; } = Prepare(connection, tx, "review_items",
            "id", "post_id", "post_version_id", "classification_id", "status", "score", "threshold", "model_version", "enqueued_at", "claimed_by", "claim_expires_at",
            "decided_at");

        public DbCommand Decision { get; } = Prepare(connection, tx, "decisions",
            "id", "review_item_id", "post_id", "post_version_id", "reviewer", "decision", "reason_code", "note", "evidence_sha256", "model_version", "score",
            "decided_at");

        public DbCommand Takedown { get; } = Prepare(connection, tx, "takedown_requests",
            "id", "post_id", "platform", "url", "site_post_id", "title", "reason_code", "state", "evidence_sha256", "captured_at", "score", "model_version",
            "decided_at", "created_at", "updated_at");

        public static void Run(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            foreach (var command in new[] { Evidence, Post, Version, Classification, Handle, Item, Decision, Takedown })
            {
                command.Dispose();
            }
        }

        private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
            foreach (var column in columns)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + column;
                command.Parameters.Add(parameter);
            }

            command.Prepare();
            return command;
        }
    }
}
