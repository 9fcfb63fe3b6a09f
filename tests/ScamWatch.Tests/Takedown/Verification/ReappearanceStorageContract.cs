using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Classification;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Verification;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Verification;

/// <summary>The reappearance and verification queries on every engine: a real SQLite file and a real PostgreSQL server.</summary>
public abstract class ReappearanceStorageContract : IAsyncLifetime
{
    private const string LureBody = """
        프놈펜 시내 대형 오피스 근무 (BKK1 지역)
        한국 고객 대상 상담 업무입니다. 컴퓨터 기본만 하시면 됩니다.
        기본급 월 1,200만원 + 실적 인센티브 무제한
        왕복 항공권, 비자, 숙소(1인 1실), 식사 3끼 전부 회사 부담
        여권만 있으면 됨 (없으면 발급 도와드림)
        자세한 내용은 텔레그램으로만 상담합니다.
        """;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected ServiceProvider Services { get; private set; } = null!;

    protected abstract Dictionary<string, string?> Settings();

    public async Task InitializeAsync() => Services = await TestHost.MigratedAsync(Settings(), Clock);

    public async Task DisposeAsync() => await Services.DisposeAsync();

    private static ExtractedPost Post(string id, string title, string body, string contact) => new()
    {
        SitePostId = id,
        Url = $"http://board.test/view?no={id}",
        Title = title,
        Body = body,
        Contact = contact,
    };

    private static ExtractedPost Lure(string id) => Post(id, "캄보디아 프놈펜 한국인 고객상담직 모집", LureBody, "텔레그램 @dalbit_hr24");

    /// <summary>A lure stored on site a, confirmed, sent and verified removed.</summary>
    private async Task<TakedownRequest> RemovedLureAsync()
    {
        var now = Clock.GetUtcNow();
        var stored = await Services.GetRequiredService<PostStore>().StoreAsync("a", Lure("1"), null, now);
        var verdict = new Verdict(0.97, true, 0.5, "test-model", []);
        var classificationId = await Services.GetRequiredService<ClassificationStore>().SaveAsync(stored.VersionId, verdict, now);
        var queue = Services.GetRequiredService<ReviewQueue>();
        await queue.EnqueueAsync(stored.PostId, stored.VersionId, classificationId, verdict, now);
        var itemId = (await queue.ListAsync(new QueueQuery())).Single(i => i.PostId == stored.PostId).Id;
        var decision = await queue.DecideAsync(itemId, "kim", DecisionKind.Confirm, null, null, now);
        var takedowns = Services.GetRequiredService<TakedownStore>();
        await takedowns.TransitionAsync(decision.TakedownId!.Value, TakedownEvent.Sent, "delivery", null, now, TimeSpan.FromDays(3));
        Clock.Advance(TimeSpan.FromHours(3));
        await takedowns.TransitionAsync(decision.TakedownId!.Value, TakedownEvent.VerifiedGone, TakedownVerifier.Actor, "HTTP 404", Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromHours(1));
        return (await takedowns.GetAsync(decision.TakedownId!.Value))!;
    }

    private async Task<ReviewItem?> QueuedAsync(long postId) =>
        (await Services.GetRequiredService<ReviewQueue>().ListAsync(new QueueQuery { Limit = 500 })).SingleOrDefault(i => i.PostId == postId);

    [Fact]
    public async Task Ingest_NearDuplicateOnAnotherSite_MovesTheRequestAndQueuesTheCopy()
    {
        var request = await RemovedLureAsync();

        var copy = await Services.GetRequiredService<PostIngestor>().IngestAsync("b", Lure("77") with { Title = "캄보디아 프놈펜 한국인 고객 상담직 모집!!" }, null, CancellationToken.None);

        var after = (await Services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!;
        Assert.Equal((TakedownState.Reappeared, copy.Stored.PostId), (after.State, after.ReappearedPostId));
        Assert.Contains(copy.Verdict!.Reasons, r => r.Name == Reappearance.ReappearedLure);
        var item = await QueuedAsync(copy.Stored.PostId);
        Assert.NotNull(item);
        Assert.Contains(Reappearance.ReappearedLure, item.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SharedHandleOnly_QueuesButLeavesTheRequest()
    {
        var request = await RemovedLureAsync();

        var other = await Services.GetRequiredService<PostIngestor>().IngestAsync("b",
            Post("78", "해외 고객센터 상담원", "근무 국가는 상담 시 알려드립니다. 급여는 면접 후 결정합니다. 경력 무관, 남녀 모두 지원 가능합니다.", "텔레그램 @dalbit_hr24"),
            null, CancellationToken.None);

        Assert.Equal(TakedownState.VerifiedRemoved, (await Services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!.State);
        Assert.Contains(other.Verdict!.Reasons, r => r.Name == Reappearance.LureHandle && r.Text.Contains("@dalbit_hr24", StringComparison.Ordinal));
        Assert.NotNull(await QueuedAsync(other.Stored.PostId));
    }

    [Fact]
    public async Task Ingest_SharedPhraseOnly_MatchesNothing()
    {
        var request = await RemovedLureAsync();

        var other = await Services.GetRequiredService<PostIngestor>().IngestAsync("b",
            Post("79", "카드사 인바운드 상담원 채용", "부산 서면센터 인바운드 상담원을 모집합니다. 한국 고객 대상 상담 업무입니다. 컴퓨터 기본만 하시면 됩니다. 4대보험, 주5일 근무, 교육 기간 급여 지급.", "051-802-5500"),
            null, CancellationToken.None);

        Assert.DoesNotContain(other.Verdict!.Reasons, r => r.Name is Reappearance.ReappearedLure or Reappearance.LureHandle);
        Assert.Equal(TakedownState.VerifiedRemoved, (await Services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!.State);
    }

    [Fact]
    public async Task Ingest_VerifiedRemovedPostSeenAgainUnchanged_Reappears()
    {
        var request = await RemovedLureAsync();

        var again = await Services.GetRequiredService<PostIngestor>().IngestAsync("a", Lure("1"), null, CancellationToken.None);

        Assert.False(again.Stored.IsChanged);
        var after = (await Services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!;
        Assert.Equal((TakedownState.Reappeared, request.PostId), (after.State, after.ReappearedPostId));
    }

    [Fact]
    public async Task Candidates_FindTheLureByBandChainAndHandle()
    {
        var request = await RemovedLureAsync();
        var copy = await Services.GetRequiredService<PostStore>().StoreAsync("b", Lure("80"), null, Clock.GetUtcNow());
        var store = Services.GetRequiredService<VerificationStore>();

        var text = Assert.Single(await store.TextCandidatesAsync(copy.PostId));
        var handle = Assert.Single(await store.HandleCandidatesAsync(copy.PostId));
        var same = Assert.Single(await store.SamePostAsync(request.PostId));
        var fingerprint = (await store.FingerprintAsync(copy.PostId, true))!;

        Assert.Equal((request.Id, request.PostId, TakedownState.VerifiedRemoved, "a", "1"), (text.RequestId, text.LurePostId, text.State, text.Platform, text.SitePostId));
        Assert.Equal(fingerprint.SimHash, text.SimHash);
        Assert.Equal(request.PostId, fingerprint.DuplicateOf);
        Assert.Equal(("@dalbit_hr24", request.Id), (handle.Handle, handle.RequestId));
        Assert.Equal(request.Id, same.RequestId);
        Assert.Empty(await store.SamePostAsync(copy.PostId));
    }

    [Fact]
    public async Task MarkChecked_SetsCheckedAtOnly()
    {
        var request = await RemovedLureAsync();

        await Services.GetRequiredService<VerificationStore>().MarkCheckedAsync(request.Id, Clock.GetUtcNow());

        var after = (await Services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!;
        Assert.Equal("2026-11-25T13:00:00.000Z", after.CheckedAt);
        Assert.Equal((request.State, request.UpdatedAt), (after.State, after.UpdatedAt));
    }
}

public sealed class SqliteReappearanceStorageTests : ReappearanceStorageContract, IDisposable
{
    private readonly TempDir _dir = new();

    protected override Dictionary<string, string?> Settings() => TestHost.Sqlite(_dir.File("reappearance.db"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReappearanceStorageTests(PostgresServer server) : ReappearanceStorageContract
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override Dictionary<string, string?> Settings() => TestHost.Postgres(_connectionString);
}
