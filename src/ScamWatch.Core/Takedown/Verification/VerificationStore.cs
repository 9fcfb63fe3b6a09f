using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Takedown.Verification;

/// <summary>The verifier's and the reappearance check's own queries over posts, handles and takedown requests.</summary>
public sealed class VerificationStore(Database database)
{
    private static readonly string Bands = string.Join(", ", Enumerable.Range(0, Posts.SimHash.Bands).Select(k => $"simhash_b{k}"));

    /// <summary>Records that the post was looked at and found still up (the state is left alone).</summary>
    public async Task MarkCheckedAsync(long requestId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE takedown_requests SET checked_at = @at WHERE id = @requestId",
            new { requestId, at = Iso.ToText(at) }).ConfigureAwait(false);
    }

    /// <summary>A stored post's fingerprint: its SimHash (from the bands) and the post it is a near-duplicate of.</summary>
    public async Task<PostFingerprint?> FingerprintAsync(long postId, bool isChanged, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var row = (IDictionary<string, object?>?)await connection.QuerySingleOrDefaultAsync(
            $"SELECT site, site_post_id, duplicate_of_post_id, {Bands} FROM posts WHERE id = @postId", new { postId }).ConfigureAwait(false);
        return row is null ? null : new PostFingerprint(postId, (string)row["site"]!, (string)row["site_post_id"]!, isChanged, Hash(row), Long(row["duplicate_of_post_id"]));
    }

    /// <summary>The request for the post itself, if the post is a confirmed lure.</summary>
    public async Task<IReadOnlyList<LureCandidate>> SamePostAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<LureCandidate>(
            "SELECT id AS request_id, post_id AS lure_post_id, state, platform, site_post_id FROM takedown_requests WHERE post_id = @postId",
            new { postId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// Confirmed lures that may be the same text as the post: a shared SimHash band, or the same place in the
    /// duplicate-of chain. Drives from the (few) takedown requests, not the (many) posts.
    /// </summary>
    public async Task<IReadOnlyList<LureCandidate>> TextCandidatesAsync(long postId, CancellationToken ct = default)
    {
        var shared = string.Join(" OR ", Enumerable.Range(0, Posts.SimHash.Bands).Select(k => $"lp.simhash_b{k} = np.simhash_b{k}"));
        var lureBands = string.Join(", ", Enumerable.Range(0, Posts.SimHash.Bands).Select(k => $"lp.simhash_b{k}"));
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            $"""
            SELECT r.id AS request_id, r.post_id AS lure_post_id, r.state, r.platform, r.site_post_id, lp.duplicate_of_post_id, {lureBands}
            FROM takedown_requests r JOIN posts lp ON lp.id = r.post_id JOIN posts np ON np.id = @postId
            WHERE lp.id <> np.id
              AND (lp.id = np.duplicate_of_post_id OR lp.duplicate_of_post_id = np.duplicate_of_post_id OR {shared})
            ORDER BY r.id
            """, new { postId }).ConfigureAwait(false);
        return [.. rows.Cast<IDictionary<string, object?>>().Select(row =>
            new LureCandidate
            {
                RequestId = Long(row["request_id"])!.Value,
                LurePostId = Long(row["lure_post_id"])!.Value,
                State = (string)row["state"]!,
                Platform = (string)row["platform"]!,
                SitePostId = (string)row["site_post_id"]!,
                SimHash = Hash(row),
                DuplicateOf = Long(row["duplicate_of_post_id"]),
            })];
    }

    /// <summary>Confirmed lures (other posts) that carry one of the post's contact handles.</summary>
    public async Task<IReadOnlyList<LureCandidate>> HandleCandidatesAsync(long postId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<LureCandidate>(
            """
            SELECT r.id AS request_id, r.post_id AS lure_post_id, r.state, r.platform, r.site_post_id, h.handle
            FROM post_handles h JOIN post_handles lh ON lh.handle = h.handle AND lh.post_id <> h.post_id
            JOIN takedown_requests r ON r.post_id = lh.post_id
            WHERE h.post_id = @postId
            ORDER BY r.id, h.handle
            """, new { postId }).ConfigureAwait(false)).AsList();
    }

    private static ulong? Hash(IDictionary<string, object?> row)
    {
        var bands = Enumerable.Range(0, Posts.SimHash.Bands).Select(k => Long(row[$"simhash_b{k}"])).ToList();
        return bands.All(b => b is not null) ? Posts.SimHash.FromBands([.. bands.Select(b => b!.Value)]) : null;
    }

    private static long? Long(object? value) => value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
