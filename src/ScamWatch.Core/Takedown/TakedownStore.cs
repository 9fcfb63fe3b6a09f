using System.Runtime.CompilerServices;
using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Takedown;

/// <summary>Takedown requests, read per platform in id order (an operator sees only its own).</summary>
public sealed class TakedownStore(Database database)
{
    public async IAsyncEnumerable<TakedownRequest> StreamAsync(string? platform, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        const int page = 500;
        long after = 0;
        while (true)
        {
            var rows = (await connection.QueryAsync<TakedownRequest>(
                """
                SELECT id, post_id, platform, url, site_post_id, title, reason_code, state, evidence_sha256, captured_at, score,
                       model_version, decided_at, created_at
                FROM takedown_requests WHERE id > @after AND (@platform IS NULL OR platform = @platform) ORDER BY id LIMIT @page
                """, new { after, platform, page }).ConfigureAwait(false)).AsList();
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

    public async Task<IReadOnlyList<(string Platform, long Count)>> PlatformsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<(string, long)>(
            "SELECT platform, COUNT(*) FROM takedown_requests GROUP BY platform ORDER BY platform").ConfigureAwait(false)).AsList();
    }
}
