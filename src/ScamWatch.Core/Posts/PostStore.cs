using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using ScamWatch.Extraction;
using ScamWatch.Storage;

namespace ScamWatch.Posts;

/// <summary>Posts and their versions. A post is identified by (site, site post id); an edit adds a version.</summary>
public sealed class PostStore(Database database)
{
    public async Task<StoredVersion> StoreAsync(string site, ExtractedPost post, Evidence? evidence, DateTimeOffset seenAt, CancellationToken ct = default)
    {
        var now = Iso.ToText(seenAt);
        var hash = post.ContentHash();
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        var existing = await connection.QuerySingleOrDefaultAsync<(long Id, long? CurrentVersionId, int Versions, string? Hash)>(
            """
            SELECT p.id, p.current_version_id, p.versions, v.content_hash
            FROM posts p LEFT JOIN post_versions v ON v.id = p.current_version_id
            WHERE p.site = @site AND p.site_post_id = @pid
            """, new { site, pid = post.SitePostId }, tx).ConfigureAwait(false);

        if (existing.Id != 0 && existing.Hash == hash)
        {
            // Unchanged: only the sighting is recorded; a post seen again is no longer removed.
            await connection.ExecuteAsync("UPDATE posts SET last_seen = @now, removed_at = NULL, url = @url WHERE id = @id",
                new { now, id = existing.Id, url = post.Url }, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new StoredVersion(existing.Id, existing.CurrentVersionId ?? 0, existing.Versions, false, false);
        }

        var postId = existing.Id;
        if (postId == 0)
        {
            postId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO posts (site, site_post_id, url, first_seen, last_seen, versions)
                VALUES (@site, @pid, @url, @now, @now, 0) RETURNING id
                """, new { site, pid = post.SitePostId, url = post.Url, now }, tx).ConfigureAwait(false);
        }

        long? evidenceId = evidence is null ? null : await InsertEvidenceAsync(connection, tx, evidence).ConfigureAwait(false);
        var versionNo = existing.Versions + 1;
        var versionId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO post_versions (post_id, version_no, content_hash, title, body, company, location, salary, employment_type,
                                       contact, posted_at, captured_at, evidence_id)
            VALUES (@postId, @versionNo, @hash, @Title, @Body, @Company, @Location, @Salary, @EmploymentType,
                    @Contact, @PostedAt, @now, @evidenceId) RETURNING id
            """,
            new
            {
                postId,
                versionNo,
                hash,
                post.Title,
                post.Body,
                post.Company,
                post.Location,
                post.Salary,
                post.EmploymentType,
                post.Contact,
                post.PostedAt,
                now,
                evidenceId,
            }, tx).ConfigureAwait(false);

        await connection.ExecuteAsync(
            "UPDATE posts SET current_version_id = @versionId, versions = @versionNo, last_seen = @now, removed_at = NULL, url = @url WHERE id = @postId",
            new { versionId, versionNo, now, postId, url = post.Url }, tx).ConfigureAwait(false);
        await LinkNearDuplicateAsync(connection, tx, postId, post).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM post_handles WHERE post_id = @postId", new { postId }, tx).ConfigureAwait(false);
        foreach (var handle in ContactHandles.Extract(post.Contact, post.Body, post.Title))
        {
            await connection.ExecuteAsync("INSERT INTO post_handles (post_id, handle) VALUES (@postId, @handle)", new { postId, handle }, tx).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new StoredVersion(postId, versionId, versionNo, existing.Id == 0, true);
    }

    /// <summary>
    /// Stores the version's SimHash bands and links the post to the earliest other post with nearly the same text
    /// (a repost under another id or on another site); a post edited away from it loses the link.
    /// </summary>
    private static async Task LinkNearDuplicateAsync(DbConnection connection, DbTransaction tx, long postId, ExtractedPost post)
    {
        var hash = SimHash.Compute(Classification.TextNormalizer.NormalizeText(post.Title + "\n" + post.Body));
        long? duplicateOf = null;
        var bands = new DynamicParameters(new { postId });
        for (var k = 0; k < SimHash.Bands; k++)
        {
            bands.Add("b" + k, hash is { } hk ? SimHash.Band(hk, k) : null);
        }

        if (hash is { } h)
        {
            var columns = string.Join(", ", Enumerable.Range(0, SimHash.Bands).Select(k => $"simhash_b{k}"));
            var match = string.Join(" OR ", Enumerable.Range(0, SimHash.Bands).Select(k => $"simhash_b{k} = @b{k}"));
            var candidates = await connection.QueryAsync($"SELECT id, {columns} FROM posts WHERE id < @postId AND ({match}) ORDER BY id", bands, tx).ConfigureAwait(false);
            foreach (IDictionary<string, object?> row in candidates)
            {
                var stored = Enumerable.Range(0, SimHash.Bands).Select(k => Convert.ToInt64(row[$"simhash_b{k}"] ?? 0L, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                if (row.Values.Skip(1).All(v => v is not null) && SimHash.Distance(h, SimHash.FromBands(stored)) <= SimHash.MaxDistance)
                {
                    duplicateOf = Convert.ToInt64(row["id"], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                }
            }
        }

        bands.Add("dup", duplicateOf);
        var sets = string.Join(", ", Enumerable.Range(0, SimHash.Bands).Select(k => $"simhash_b{k} = @b{k}"));
        await connection.ExecuteAsync($"UPDATE posts SET {sets}, duplicate_of_post_id = @dup WHERE id = @postId", bands, tx).ConfigureAwait(false);
    }

    /// <summary>Every stored version of a post, oldest first, with the hash of the page it was read from.</summary>
    public async Task<IReadOnlyList<PostVersion>> VersionsAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<PostVersion>(
            """
            SELECT v.id, v.version_no, v.captured_at, v.title, v.body, v.contact, v.salary, v.content_hash, e.sha256 AS evidence_sha256
            FROM post_versions v LEFT JOIN evidence e ON e.id = v.evidence_id WHERE v.post_id = @postId ORDER BY v.version_no
            """, new { postId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Records that a post was seen unchanged (HTTP 304) without touching its versions.</summary>
    public async Task TouchAsync(string site, string sitePostId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE posts SET last_seen = @at, removed_at = NULL WHERE site = @site AND site_post_id = @sitePostId",
            new { at = Iso.ToText(at), site, sitePostId }).ConfigureAwait(false);
    }

    public async Task<bool> MarkRemovedAsync(string site, string sitePostId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var n = await connection.ExecuteAsync(
            "UPDATE posts SET removed_at = @at WHERE site = @site AND site_post_id = @sitePostId AND removed_at IS NULL",
            new { at = Iso.ToText(at), site, sitePostId }).ConfigureAwait(false);
        return n > 0;
    }

    /// <summary>The site's posts that are not marked removed: URL and site post id.</summary>
    public async Task<IReadOnlyList<(string Url, string SitePostId)>> ActivePostsAsync(string site, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<(string, string)>(
            "SELECT url, site_post_id FROM posts WHERE site = @site AND removed_at IS NULL ORDER BY id", new { site }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Streams every post's latest version with its latest classification, in id order.</summary>
    public async IAsyncEnumerable<PostRow> StreamLatestAsync(string? site, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        const int page = 500;
        long after = 0;
        while (true)
        {
            var rows = (await connection.QueryAsync<PostRow>(LatestSql + " WHERE p.id > @after AND (@site IS NULL OR p.site = @site) ORDER BY p.id LIMIT @page",
                new { after, site, page }).ConfigureAwait(false)).AsList();
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

    public async Task<PostRow?> GetAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<PostRow>(LatestSql + " WHERE p.id = @postId", new { postId }).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posts").ConfigureAwait(false);
    }

    /// <summary>The captured page behind a version, decompressed (null when the version has no evidence).</summary>
    public async Task<(Evidence Evidence, string Sha256)?> GetEvidenceAsync(long versionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Url, string FetchedAt, int StatusCode, string? ContentType, string Headers, string Sha256, byte[] BodyGzip)>(
            """
            SELECT e.url, e.fetched_at, e.status_code, e.content_type, e.headers, e.sha256, e.body_gzip
            FROM post_versions v JOIN evidence e ON e.id = v.evidence_id WHERE v.id = @versionId
            """, new { versionId }).ConfigureAwait(false);
        if (row.Url is null)
        {
            return null;
        }

        return (new Evidence(row.Url, Iso.Parse(row.FetchedAt), row.StatusCode, row.ContentType, row.Headers, Evidence.Decompress(row.BodyGzip)), row.Sha256);
    }

    private static async Task<long> InsertEvidenceAsync(DbConnection connection, DbTransaction tx, Evidence evidence) =>
        await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO evidence (url, fetched_at, status_code, content_type, headers, sha256, raw_length, body_gzip)
            VALUES (@url, @fetchedAt, @status, @contentType, @headers, @sha, @length, @body) RETURNING id
            """,
            new
            {
                url = evidence.Url,
                fetchedAt = Iso.ToText(evidence.FetchedAt),
                status = evidence.StatusCode,
                contentType = evidence.ContentType,
                headers = evidence.HeadersJson,
                sha = evidence.Sha256,
                length = (long)evidence.Raw.Length,
                body = evidence.Compress(),
            }, tx).ConfigureAwait(false);

    private const string LatestSql = """
        SELECT p.id, p.site, p.site_post_id, p.url, p.first_seen, p.last_seen, p.removed_at, p.versions,
               d.url AS duplicate_of_url, v.id AS version_id, v.title, v.body, v.company, v.location, v.salary,
               v.employment_type, v.contact, v.posted_at, v.captured_at, e.sha256 AS evidence_sha256,
               c.score, c.flagged, c.model_version AS model, c.reasons
        FROM posts p
        JOIN post_versions v ON v.id = p.current_version_id
        LEFT JOIN posts d ON d.id = p.duplicate_of_post_id
        LEFT JOIN evidence e ON e.id = v.evidence_id
        LEFT JOIN classifications c ON c.id = (SELECT MAX(c2.id) FROM classifications c2 WHERE c2.post_version_id = v.id)
        """;
}
