using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Classification;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Storage;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Storage;

/// <summary>The storage behaviour every engine must show; run against a real SQLite file and a real PostgreSQL server.</summary>
public abstract class StorageContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected ServiceProvider Services { get; private set; } = null!;

    protected abstract Dictionary<string, string?> Settings();

    public async Task InitializeAsync() => Services = await Support.TestHost.MigratedAsync(Settings(), Clock);

    public async Task DisposeAsync() => await Services.DisposeAsync();

    private static ExtractedPost Post(string id, string body) => new()
    {
        SitePostId = id,
        Url = $"http://board.test/view?no={id}",
        Title = "캄보디아 상담원 " + id,
        Body = body,
        Company = "",
        Contact = "텔레그램 @x",
    };

    private static Verdict Flagged(double score = 0.9) =>
        new(score, true, 0.5, "test-model", [new Reason("rule", "anonymous-messenger", 1.2, "텔레그램") { Start = 3, Length = 4 }]);

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        Assert.Equal(0, await Services.GetRequiredService<Migrator>().MigrateAsync());
    }

    [Fact]
    public async Task Store_SameContentTwice_KeepsOneVersionAndUpdatesLastSeen()
    {
        var posts = Services.GetRequiredService<PostStore>();
        var first = await posts.StoreAsync("s", Post("1", "본문"), null, Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromHours(1));
        var second = await posts.StoreAsync("s", Post("1", "본문"), null, Clock.GetUtcNow());

        Assert.True(first.IsNewPost);
        Assert.False(second.IsChanged);
        var row = await posts.GetAsync(first.PostId);
        Assert.Equal(1, row!.Versions);
        Assert.Equal("2026-11-25T10:00:00.000Z", row.LastSeen);
        Assert.Equal("2026-11-25T09:00:00.000Z", row.FirstSeen);
    }

    [Fact]
    public async Task Store_EditedPost_AddsVersionAndKeepsEvidence()
    {
        var posts = Services.GetRequiredService<PostStore>();
        var raw = "<html>원본 페이지 €</html>"u8.ToArray();
        await posts.StoreAsync("s", Post("2", "처음"), null, Clock.GetUtcNow());
        var edited = await posts.StoreAsync("s", Post("2", "수정됨"),
            new Evidence("http://board.test/view?no=2", Clock.GetUtcNow(), 200, "text/html", "{}", raw), Clock.GetUtcNow());

        Assert.True(edited.IsChanged);
        Assert.Equal(2, edited.VersionNo);
        var evidence = await posts.GetEvidenceAsync(edited.VersionId);
        Assert.Equal(raw, evidence!.Value.Evidence.Raw);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)), evidence.Value.Sha256);
        Assert.Equal("수정됨", (await posts.GetAsync(edited.PostId))!.Body);
    }

    [Fact]
    public async Task MarkRemoved_SetsRemovedAt_AndReappearanceClearsIt()
    {
        var posts = Services.GetRequiredService<PostStore>();
        var stored = await posts.StoreAsync("s", Post("3", "본문"), null, Clock.GetUtcNow());
        Assert.True(await posts.MarkRemovedAsync("s", "3", Clock.GetUtcNow()));
        Assert.False(await posts.MarkRemovedAsync("s", "3", Clock.GetUtcNow()));
        Assert.NotNull((await posts.GetAsync(stored.PostId))!.RemovedAt);

        await posts.StoreAsync("s", Post("3", "본문"), null, Clock.GetUtcNow());
        Assert.Null((await posts.GetAsync(stored.PostId))!.RemovedAt);
    }

    [Fact]
    public async Task Decide_ConfirmTwice_RecordsOneDecisionAndOneTakedown()
    {
        var (itemId, _) = await QueueOneAsync("4");
        var queue = Services.GetRequiredService<ReviewQueue>();

        var first = await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", "명백함", Clock.GetUtcNow());
        var second = await queue.DecideAsync(itemId, "lee", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());

        Assert.True(first.Accepted);
        Assert.NotNull(first.TakedownId);
        Assert.False(second.Accepted);
        Assert.Contains("already confirmed", second.Reason, StringComparison.Ordinal);
        var takedowns = new List<TakedownRequest>();
        await foreach (var t in Services.GetRequiredService<TakedownStore>().StreamAsync("s"))
        {
            takedowns.Add(t);
        }

        var request = Assert.Single(takedowns);
        Assert.Equal("pending", request.State);
        Assert.Equal("http://board.test/view?no=4", request.Url);
        Assert.Single(await queue.AuditForPostAsync(request.PostId));
    }

    [Fact]
    public async Task Claim_HeldByOther_RefusesUntilLeaseExpires()
    {
        var (itemId, _) = await QueueOneAsync("5");
        var queue = Services.GetRequiredService<ReviewQueue>();
        Assert.True(await queue.ClaimAsync(itemId, "kim", Clock.GetUtcNow(), TimeSpan.FromMinutes(10)));
        Assert.False(await queue.ClaimAsync(itemId, "lee", Clock.GetUtcNow(), TimeSpan.FromMinutes(10)));
        var refused = await queue.DecideAsync(itemId, "lee", DecisionKind.Reject, null, null, Clock.GetUtcNow());
        Assert.Contains("claimed by kim", refused.Reason, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await queue.ClaimAsync(itemId, "lee", Clock.GetUtcNow(), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task AuditLog_IsAppendOnly_TheDatabaseRefusesUpdatesAndDeletes()
    {
        var (itemId, _) = await QueueOneAsync("ao");
        var queue = Services.GetRequiredService<ReviewQueue>();
        var decided = await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        var db = Services.GetRequiredService<ScamWatch.Storage.Database>();
        await using var connection = await db.OpenAsync();
        foreach (var sql in new[]
        {
            "UPDATE decisions SET reviewer = 'mallory'", "DELETE FROM decisions",
            "UPDATE takedown_events SET actor = 'mallory'", "DELETE FROM takedown_events",
        })
        {
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Dapper.SqlMapper.ExecuteAsync(connection, sql));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("kim", Assert.Single(await queue.AuditForPostAsync((await queue.GetAsync(itemId))!.PostId)).Reviewer);
        var events = await Services.GetRequiredService<TakedownStore>().EventsAsync(decided.TakedownId!.Value);
        Assert.Equal("created", Assert.Single(events).Event);
    }

    [Fact]
    public async Task Takedown_Lifecycle_EachTransitionTimestampedAndLogged_RetriesChangeNothing()
    {
        var (itemId, postId) = await QueueOneAsync("lc");
        var decided = await Services.GetRequiredService<ReviewQueue>().DecideAsync(itemId, "kim", DecisionKind.Confirm, "trafficking", null, Clock.GetUtcNow());
        var store = Services.GetRequiredService<TakedownStore>();
        var id = decided.TakedownId!.Value;
        var created = (await store.GetAsync(id))!;
        Assert.StartsWith("scamwatch-td-", created.IdempotencyKey, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await store.TransitionAsync(id, TakedownEvent.Sent, "webhook", null, Clock.GetUtcNow(), deadline: TimeSpan.FromHours(72))).Changed);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await store.TransitionAsync(id, TakedownEvent.Acknowledged, "op", "접수", Clock.GetUtcNow())).Changed);
        var again = await store.TransitionAsync(id, TakedownEvent.Acknowledged, "op", "접수", Clock.GetUtcNow());
        Assert.True(again.Allowed);
        Assert.False(again.Changed);
        var backwards = await store.TransitionAsync(id, TakedownEvent.Sent, "webhook", null, Clock.GetUtcNow());
        Assert.False(backwards.Allowed);
        Clock.Advance(TimeSpan.FromHours(5));
        Assert.True((await store.TransitionAsync(id, TakedownEvent.Removed, "op", "삭제 완료", Clock.GetUtcNow())).Changed);

        var request = (await store.GetAsync(id))!;
        Assert.Equal(TakedownState.Removed, request.State);
        Assert.Equal(postId, request.PostId);
        Assert.Equal(ScamWatch.Storage.Iso.ToText(Clock.Start.AddMinutes(1).AddHours(72)), request.DeadlineAt);
        Assert.NotNull(request.SentAt);
        Assert.NotNull(request.AcknowledgedAt);
        Assert.NotNull(request.OutcomeAt);
        Assert.Equal("삭제 완료", request.OperatorNote);
        Assert.Equal(["created", "sent", "acknowledged", "removed"], (await store.EventsAsync(id)).Select(e => e.Event));
    }

    [Fact]
    public async Task Claim_ConcurrentReviewers_ExactlyOneWins()
    {
        var (itemId, _) = await QueueOneAsync("6c");
        var queue = Services.GetRequiredService<ReviewQueue>();
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Reviewer: "reviewer" + i, Won: await queue.ClaimAsync(itemId, "reviewer" + i, Clock.GetUtcNow(), TimeSpan.FromMinutes(10)));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);
        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Reviewer, (await queue.GetAsync(itemId))!.ClaimedBy);
    }

    [Fact]
    public async Task Decide_ConcurrentReviewers_ExactlyOneWins()
    {
        var (itemId, _) = await QueueOneAsync("6");
        var queue = Services.GetRequiredService<ReviewQueue>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => queue.DecideAsync(itemId, "reviewer" + i, i % 2 == 0 ? DecisionKind.Confirm : DecisionKind.Reject, null, null, Clock.GetUtcNow()))));
        Assert.Single(results, r => r.Accepted);
    }

    [Fact]
    public async Task List_UncertainOrder_PutsScoresNearThresholdFirst()
    {
        await QueueOneAsync("7", 0.99);
        await QueueOneAsync("8", 0.55);
        await QueueOneAsync("9", 0.8);
        var queue = Services.GetRequiredService<ReviewQueue>();
        var risk = await queue.ListAsync(new QueueQuery { Order = QueueOrder.Risk });
        var uncertain = await queue.ListAsync(new QueueQuery { Order = QueueOrder.Uncertain });
        Assert.Equal([0.99, 0.8, 0.55], risk.Select(i => i.Score));
        Assert.Equal([0.55, 0.8, 0.99], uncertain.Select(i => i.Score));
    }

    [Fact]
    public async Task List_Filters_ByScoreBandSiteAndDay()
    {
        await QueueOneAsync("f1", 0.99);
        await QueueOneAsync("f2", 0.62);
        Clock.Advance(TimeSpan.FromDays(2));
        await QueueOneAsync("f3", 0.75);
        var queue = Services.GetRequiredService<ReviewQueue>();

        Assert.Equal([0.75, 0.62], (await queue.ListAsync(new QueueQuery { MaxScore = 0.9 })).Select(i => i.Score));
        Assert.Equal([0.99, 0.75], (await queue.ListAsync(new QueueQuery { MinScore = 0.7 })).Select(i => i.Score));
        Assert.Equal([0.75], (await queue.ListAsync(new QueueQuery { Since = "2026-11-27" })).Select(i => i.Score));
        Assert.Equal([0.99, 0.62], (await queue.ListAsync(new QueueQuery { Until = "2026-11-25" })).Select(i => i.Score));
        Assert.Empty(await queue.ListAsync(new QueueQuery { Site = "elsewhere" }));
    }

    [Fact]
    public async Task List_TiedScores_BreaksTiesByIdAndPagesByOffset()
    {
        var ids = new List<long>();
        foreach (var (id, score) in new[] { ("t1", 1.0), ("t2", 0.7), ("t3", 1.0), ("t4", 1.0) })
        {
            ids.Add((await QueueOneAsync(id, score)).ItemId);
        }

        var queue = Services.GetRequiredService<ReviewQueue>();
        var all = await queue.ListAsync(new QueueQuery());
        var second = await queue.ListAsync(new QueueQuery { Limit = 2, Offset = 2 });

        Assert.Equal([ids[0], ids[2], ids[3], ids[1]], all.Select(i => i.Id));
        Assert.Equal([ids[3], ids[1]], second.Select(i => i.Id));
        Assert.Equal([ids[1]], (await queue.ListAsync(new QueueQuery { Site = "s", MaxScore = 0.9 })).Select(i => i.Id));
    }

    [Fact]
    public async Task Neighbours_RiskOrder_GivesPreviousAndNextAndWrapsAtTheEnd()
    {
        var a = (await QueueOneAsync("n1", 0.99)).ItemId;
        var b = (await QueueOneAsync("n2", 0.8)).ItemId;
        var c = (await QueueOneAsync("n3", 0.8)).ItemId;
        var d = (await QueueOneAsync("n4", 0.6)).ItemId;
        var queue = Services.GetRequiredService<ReviewQueue>();
        static (long? Previous, long? Next) Around(long? previous, long? next) => (previous, next);

        Assert.Equal(Around(null, b), await queue.NeighboursAsync(a));
        Assert.Equal(Around(a, c), await queue.NeighboursAsync(b));
        Assert.Equal(Around(b, d), await queue.NeighboursAsync(c));
        Assert.Equal(Around(c, a), await queue.NeighboursAsync(d));
        Assert.True((await queue.DecideAsync(b, "kim", DecisionKind.Reject, null, null, Clock.GetUtcNow())).Accepted);
        Assert.Equal(Around(null, a), await queue.NeighboursAsync(b));
        Assert.Equal(Around(a, d), await queue.NeighboursAsync(c));
    }

    [Fact]
    public async Task StreamLatest_ManyPosts_PagesThroughAllInIdOrder()
    {
        var posts = Services.GetRequiredService<PostStore>();
        for (var i = 0; i < 620; i++)
        {
            await posts.StoreAsync("bulk", Post("b" + i, "본문 " + i), null, Clock.GetUtcNow());
        }

        var ids = new List<long>();
        await foreach (var row in posts.StreamLatestAsync("bulk"))
        {
            ids.Add(row.Id);
        }

        Assert.Equal(620, ids.Count);
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task Store_RepostOnOtherSite_IsLinkedToTheOriginal()
    {
        const string body = "캄보디아 프놈펜 한국인 고객상담직 모집합니다. 월 1,200만원 보장, 항공권과 숙소 제공, 여권만 있으면 됩니다. 텔레그램 @dalbit_hr24";
        var posts = Services.GetRequiredService<PostStore>();
        var original = await posts.StoreAsync("site-a", Post("r1", body), null, Clock.GetUtcNow());
        var unrelated = await posts.StoreAsync("site-a", Post("r2", "역삼동 카페에서 주말 바리스타 구합니다. 시급 12,000원, 주휴수당 지급, 경력자 우대합니다. 문의 010-1234-5678"), null, Clock.GetUtcNow());
        var repost = await posts.StoreAsync("site-b", Post("r1", body.Replace("1,200만원", "1,300만원", StringComparison.Ordinal)), null, Clock.GetUtcNow());

        Assert.Equal("http://board.test/view?no=r1", (await posts.GetAsync(repost.PostId))!.DuplicateOfUrl);
        Assert.Null((await posts.GetAsync(original.PostId))!.DuplicateOfUrl);
        Assert.Null((await posts.GetAsync(unrelated.PostId))!.DuplicateOfUrl);
    }

    [Fact]
    public async Task Frontier_CrashedRun_IsResumedWithoutRefetchingDoneUrls()
    {
        var frontier = Services.GetRequiredService<ScamWatch.Crawling.CrawlFrontier>();
        var (run, resumed) = await frontier.BeginRunAsync("f", 100, CancellationToken.None);
        Assert.False(resumed);
        foreach (var i in Enumerable.Range(1, 5))
        {
            await frontier.EnqueueAsync("f", run, $"http://f.test/{i}", "detail", CancellationToken.None);
        }

        await frontier.RecordAsync("f", "http://f.test/1", "detail", new ScamWatch.Crawling.UrlOutcome("done", "allowed") { Status = 200, ETag = "\"v1\"" }, CancellationToken.None);
        await frontier.RecordAsync("f", "http://f.test/2", "detail", new ScamWatch.Crawling.UrlOutcome("done", "allowed") { Status = 200 }, CancellationToken.None);

        // The process dies here: the run is never finished. The next start resumes it.
        var (again, resumedNow) = await frontier.BeginRunAsync("f", 100, CancellationToken.None);
        Assert.True(resumedNow);
        Assert.Equal(run, again);
        Assert.False(await frontier.EnqueueAsync("f", run, "http://f.test/1", "detail", CancellationToken.None));
        var pending = await frontier.PendingAsync("f", run, "detail", 100, CancellationToken.None);
        Assert.Equal(["http://f.test/3", "http://f.test/4", "http://f.test/5"], pending.Select(p => p.Url));
        Assert.Equal("\"v1\"", (await frontier.GetAsync("f", "http://f.test/1", CancellationToken.None))!.Etag);
    }

    [Fact]
    public async Task SecondReview_SameReviewerTwice_IsRefused_DifferentReviewerConfirms()
    {
        var (itemId, postId) = await QueueOneAsync("sr1");
        var queue = new ReviewQueue(Services.GetRequiredService<ScamWatch.Storage.Database>(),
            Microsoft.Extensions.Options.Options.Create(new ReviewOptions { RequireSecondReview = true }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReviewQueue>.Instance);

        var first = await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        Assert.True(first.Accepted);
        Assert.Equal(ReviewStatus.SecondReview, first.Reason);
        Assert.Null(first.TakedownId);

        var again = await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        Assert.False(again.Accepted);
        Assert.Contains("second, different reviewer", again.Reason, StringComparison.Ordinal);

        var second = await queue.DecideAsync(itemId, "lee", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        Assert.True(second.Accepted);
        Assert.Equal(ReviewStatus.Confirmed, second.Reason);
        Assert.NotNull(second.TakedownId);
        Assert.Equal(["second-review", "confirmed"], (await queue.AuditForPostAsync(postId)).Select(a => a.Decision));
    }

    [Fact]
    public async Task SecondReview_SecondReviewerRejects_NoTakedown()
    {
        var (itemId, _) = await QueueOneAsync("sr2");
        var queue = new ReviewQueue(Services.GetRequiredService<ScamWatch.Storage.Database>(),
            Microsoft.Extensions.Options.Options.Create(new ReviewOptions { RequireSecondReview = true }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReviewQueue>.Instance);
        await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        var rejected = await queue.DecideAsync(itemId, "lee", DecisionKind.Reject, null, "정상 공고", Clock.GetUtcNow());
        Assert.True(rejected.Accepted);
        var takedowns = 0;
        await foreach (var _ in Services.GetRequiredService<TakedownStore>().StreamAsync(null))
        {
            takedowns++;
        }

        Assert.Equal(0, takedowns);
    }

    [Fact]
    public async Task Campaign_SharedHandle_GroupsPostsAndDecidesEachOnce()
    {
        var (a, postA) = await QueueOneAsync("c1", body: "해외 CS 월 1000 텔레그램 @dalbit_hr24");
        var (b, postB) = await QueueOneAsync("c2", body: "현지 근무 급구, 문의는 t.me/dalbit_hr24");
        var (c, _) = await QueueOneAsync("c3", body: "카페 바리스타 구합니다 010-2222-3333");
        var queue = Services.GetRequiredService<ReviewQueue>();

        var members = await queue.CampaignAsync(postA);
        var member = Assert.Single(members);
        Assert.Equal(postB, member.PostId);
        Assert.Equal("@dalbit_hr24", member.Shared);
        Assert.Equal(b, member.ItemId);

        var results = await queue.DecideCampaignAsync(a, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        Assert.Equal(2, results.Count(r => r.Accepted));
        Assert.Single(await queue.AuditForPostAsync(postA));
        Assert.Single(await queue.AuditForPostAsync(postB));
        Assert.Equal(ReviewStatus.Open, (await queue.GetAsync(c))!.Status);
    }

    private async Task<(long ItemId, long PostId)> QueueOneAsync(string id, double score = 0.9, string? body = null)
    {
        var post = Post(id, body ?? "본문 " + id) with { Contact = null };
        var stored = await Services.GetRequiredService<PostStore>().StoreAsync("s", post, null, Clock.GetUtcNow());
        var verdict = Flagged(score);
        var cid = await Services.GetRequiredService<ClassificationStore>().SaveAsync(stored.VersionId, verdict, Clock.GetUtcNow());
        var queue = Services.GetRequiredService<ReviewQueue>();
        await queue.EnqueueAsync(stored.PostId, stored.VersionId, cid, verdict, Clock.GetUtcNow());
        var item = (await queue.ListAsync(new QueueQuery { Limit = 500 })).Single(i => i.PostId == stored.PostId);
        return (item.Id, stored.PostId);
    }
}
