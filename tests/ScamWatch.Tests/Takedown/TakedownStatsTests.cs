using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown;

public sealed class TakedownStatsTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static TakedownStatsRow Row(long id, string platform, string state, double decidedH, double? sentH = null, double? deadlineH = null, double? removedH = null) => new()
    {
        Id = id,
        Platform = platform,
        Url = $"https://{platform}.example/{id}",
        State = state,
        DecidedAt = Iso.ToText(T0.AddHours(decidedH)),
        SentAt = sentH is { } s ? Iso.ToText(T0.AddHours(s)) : null,
        DeadlineAt = deadlineH is { } d ? Iso.ToText(T0.AddHours(d)) : null,
        RemovedAt = removedH is { } r ? Iso.ToText(T0.AddHours(r)) : null,
    };

    [Fact]
    public void Compute_KnownSet_CountsMediansAndOverdue()
    {
        TakedownStatsRow[] rows =
        [
            Row(1, "a", TakedownState.Pending, 0),
            Row(2, "a", TakedownState.Sent, 0, sentH: 1, deadlineH: 73),              // overdue by 27 h at T0+100h
            Row(3, "a", TakedownState.Acknowledged, 0, sentH: 1, deadlineH: 200),     // not yet due
            Row(4, "a", TakedownState.VerifiedRemoved, 0, sentH: 2, deadlineH: 74, removedH: 10),
            Row(5, "a", TakedownState.Removed, 0, sentH: 2, deadlineH: 74, removedH: 20),
            Row(6, "a", TakedownState.Reappeared, 0, sentH: 2, deadlineH: 74, removedH: 30), // removed once: counts, never overdue
            Row(7, "a", TakedownState.NoResponse, 0, sentH: 1, deadlineH: 73),         // overdue by 27 h
            Row(8, "b", TakedownState.VerifiedRemoved, 5, removedH: 9),                // pulled, never marked sent
            Row(9, "b", TakedownState.Refused, 5, sentH: 6, deadlineH: 78),            // refused is an outcome, not overdue
        ];
        var figures = TakedownStats.Compute(rows, T0.AddHours(100));

        Assert.Equal(["a", "b"], figures.Select(f => f.Platform));
        var a = figures[0];
        Assert.Equal(7, a.Total);
        Assert.Equal(1, a.ByState[TakedownState.Pending]);
        Assert.Equal(1, a.ByState[TakedownState.VerifiedRemoved]);
        Assert.Equal(0, a.ByState[TakedownState.Refused]);
        Assert.Equal(TakedownState.All.Count, a.ByState.Count);
        Assert.Equal(3, a.RemovedCount);
        Assert.Equal(TimeSpan.FromHours(20), a.MedianFromDecided);   // 10, 20, 30
        Assert.Equal(TimeSpan.FromHours(18), a.MedianFromSent);      // 8, 18, 28
        Assert.Equal([2L, 7L], a.Overdue.Select(o => o.Id));
        Assert.All(a.Overdue, o => Assert.Equal(TimeSpan.FromHours(27), o.OverdueBy));

        var b = figures[1];
        Assert.Equal(TimeSpan.FromHours(4), b.MedianFromDecided);
        Assert.Null(b.MedianFromSent);
        Assert.Equal(0, b.RemovedAfterSendCount);
        Assert.Empty(b.Overdue);
    }

    [Fact]
    public void Median_EvenCount_AveragesTheMiddleTwo()
    {
        Assert.Equal(TimeSpan.FromSeconds(25), TakedownStats.Median([40, 10, 20, 30]));
        Assert.Null(TakedownStats.Median([]));
    }

    [Fact]
    public async Task StatsAsync_TransitionsOnAFakeClock_FirstRemovalFromTheEventLog()
    {
        using var dir = new TempDir();
        var clock = new FakeTimeProvider(T0);
        await using var services = await TestHost.MigratedAsync(TestHost.Sqlite(dir.File("stats.db")), clock);
        var store = services.GetRequiredService<TakedownStore>();
        var database = services.GetRequiredService<Database>();
        var removed = await InsertAsync(database, 1, "albaplus", clock.GetUtcNow());
        var refusedThenGone = await InsertAsync(database, 2, "albaplus", clock.GetUtcNow());
        var late = await InsertAsync(database, 3, "albaplus", clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(1));
        foreach (var id in new[] { removed, refusedThenGone, late })
        {
            await store.TransitionAsync(id, TakedownEvent.Sent, "test", null, clock.GetUtcNow(), deadline: TimeSpan.FromDays(3));
        }

        clock.Advance(TimeSpan.FromHours(5));
        await store.TransitionAsync(refusedThenGone, TakedownEvent.Refused, "operator", "not ours", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(6)); // T0+12h
        await store.TransitionAsync(removed, TakedownEvent.Removed, "operator", null, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(12)); // T0+24h: the recheck sees both gone
        await store.TransitionAsync(removed, TakedownEvent.VerifiedGone, "verifier", null, clock.GetUtcNow());
        await store.TransitionAsync(refusedThenGone, TakedownEvent.VerifiedGone, "verifier", null, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(4)); // the third is past its deadline (T0+1h+3d)

        var a = Assert.Single(await store.StatsAsync(clock.GetUtcNow()));
        Assert.Equal(3, a.Total);
        Assert.Equal(2, a.ByState[TakedownState.VerifiedRemoved]);
        Assert.Equal(1, a.ByState[TakedownState.Sent]);
        Assert.Equal(2, a.RemovedCount);
        Assert.Equal(TimeSpan.FromHours(18), a.MedianFromDecided); // 12 h (operator's removal) and 24 h (our verification)
        Assert.Equal(TimeSpan.FromHours(17), a.MedianFromSent);
        var overdue = Assert.Single(a.Overdue);
        Assert.Equal(late, overdue.Id);
        Assert.Equal(TimeSpan.FromDays(2) - TimeSpan.FromHours(1), overdue.OverdueBy); // now T0+5d, deadline T0+1h+3d
    }

    [Fact]
    public async Task StreamAsync_AttachesEachPostsContactHandles()
    {
        using var dir = new TempDir();
        await using var services = await TestHost.MigratedAsync(TestHost.Sqlite(dir.File("handles.db")));
        var database = services.GetRequiredService<Database>();
        await InsertAsync(database, 1, "albaplus", T0, "@recruit_kh", "tel:01012345678");
        await InsertAsync(database, 2, "albaplus", T0);
        var all = new List<TakedownRequest>();
        await foreach (var r in services.GetRequiredService<TakedownStore>().StreamAsync(null))
        {
            all.Add(r);
        }

        Assert.Equal(["@recruit_kh", "tel:01012345678"], all[0].ContactHandles);
        Assert.Empty(all[1].ContactHandles);
    }

    /// <summary>A post and its pending request, as ReviewQueue.DecideAsync leaves them.</summary>
    internal static async Task<long> InsertAsync(Database database, long postId, string platform, DateTimeOffset decidedAt, params string[] handles)
    {
        await using var connection = await database.OpenAsync();
        var at = Iso.ToText(decidedAt);
        await connection.ExecuteAsync(
            "INSERT INTO posts (id, site, site_post_id, url, first_seen, last_seen, versions) VALUES (@postId, @platform, @pid, @url, @at, @at, 1)",
            new { postId, platform, pid = postId.ToString(System.Globalization.CultureInfo.InvariantCulture), url = $"https://{platform}.example/{postId}", at });
        foreach (var handle in handles)
        {
            await connection.ExecuteAsync("INSERT INTO post_handles (post_id, handle) VALUES (@postId, @handle)", new { postId, handle });
        }

        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO takedown_requests (post_id, platform, url, site_post_id, title, reason_code, state, captured_at, score, model_version,
                                           decided_at, created_at, updated_at, idempotency_key)
            VALUES (@postId, @platform, @url, @pid, '해외 고수익', 'employment-fraud', 'pending', @at, 0.9, 'm1', @at, @at, @at, @key) RETURNING id
            """,
            new { postId, platform, url = $"https://{platform}.example/{postId}", pid = postId.ToString(System.Globalization.CultureInfo.InvariantCulture), at, key = $"td-test-{postId}" });
    }
}
