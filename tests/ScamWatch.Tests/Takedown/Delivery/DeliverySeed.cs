using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Storage;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown.Delivery;

/// <summary>Pending takedown requests as a reviewer's confirmation leaves them (post stored, request row, created event).</summary>
public static class DeliverySeed
{
    public const string Secret = "operator-shared-secret-0123456789abcdef";

    public static async Task<IReadOnlyList<TakedownRequest>> PendingAsync(IServiceProvider services, string platform, int count, DateTimeOffset at)
    {
        var posts = services.GetRequiredService<PostStore>();
        var db = services.GetRequiredService<Database>();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var no = $"{platform}-{Guid.NewGuid():N}"[..(platform.Length + 9)];
            var stored = await posts.StoreAsync(platform, new ExtractedPost
            {
                SitePostId = no,
                Url = $"http://{platform}.test/view?no={no}",
                Title = "캄보디아 고수익 상담원 " + no,
                Body = "숙식 제공, 항공권 지원. 텔레그램 문의",
            }, null, at);
            await using var connection = await db.OpenAsync();
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO takedown_requests (post_id, platform, url, site_post_id, title, reason_code, state, evidence_sha256, captured_at,
                                               score, model_version, decided_at, created_at, updated_at, idempotency_key)
                VALUES (@post, @platform, @url, @no, @title, 'employment-fraud', 'pending', @sha, @at, 0.97, 'test-model', @at, @at, @at, @key) RETURNING id
                """,
                new
                {
                    post = stored.PostId,
                    platform,
                    url = $"http://{platform}.test/view?no={no}",
                    no,
                    title = "캄보디아 고수익 상담원 " + no,
                    sha = new string('a', 64),
                    at = Iso.ToText(at),
                    key = "scamwatch-td-" + Guid.NewGuid().ToString("N"),
                });
            await connection.ExecuteAsync(
                "INSERT INTO takedown_events (request_id, from_state, to_state, event, actor, note, at) VALUES (@id, NULL, 'pending', 'created', 'kim', NULL, @at)",
                new { id, at = Iso.ToText(at) });
            ids.Add(id);
        }

        var store = services.GetRequiredService<TakedownStore>();
        var requests = new List<TakedownRequest>();
        foreach (var id in ids)
        {
            requests.Add((await store.GetAsync(id))!);
        }

        return requests;
    }
}
