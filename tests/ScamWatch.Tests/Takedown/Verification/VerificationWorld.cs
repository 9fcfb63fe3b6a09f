using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Classification;
using ScamWatch.Crawling;
using ScamWatch.Demo;
using ScamWatch.Review;
using ScamWatch.Sites;
using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Verification;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Verification;

/// <summary>
/// One verification scenario: a fresh SQLite store on a fake clock, loopback job sites (demo boards with chosen posts,
/// or test sites), and the steps a takedown goes through (crawl, confirm, send, verify), each one call.
/// </summary>
internal sealed class VerificationWorld : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<WebApplication> _boards = [];
    private readonly List<SiteDefinition> _sites = [];

    private VerificationWorld(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => _dir.File("verify.db");

    public string Folder => _dir.Path;

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>A world whose fake clock starts at <paramref name="start"/> (default 2026-11-25 09:00 UTC).</summary>
    public static async Task<VerificationWorld> CreateAsync(DateTimeOffset? start = null)
    {
        var world = new VerificationWorld(start ?? new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var settings = TestHost.Sqlite(world.DatabasePath);
        settings["Crawler:DisablePoliteness"] = "true";
        settings["Crawler:MaxRetries"] = "0"; // a 503 is an answer at once, not a retry waiting on the fake clock
        world.Services = await TestHost.MigratedAsync(settings, world.Clock);
        return world;
    }

    public static IReadOnlyList<DemoPost> DemoPosts(params int[] numbers) =>
        [.. DemoBoard.LoadEmbedded().Where(p => numbers.Contains(p.No))];

    public static DemoPost DemoPost(int no) => DemoBoard.LoadEmbedded().Single(p => p.No == no);

    /// <summary>A demo board with just these posts on its own loopback port, registered as site <paramref name="name"/>.</summary>
    public async Task<(DemoBoard Board, SiteDefinition Site)> StartBoardAsync(string name, IEnumerable<DemoPost> posts)
    {
        var board = new DemoBoard([.. posts]);
        var app = await board.StartAsync("http://127.0.0.1:0", CancellationToken.None);
        _boards.Add(app);
        var site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(DemoBoardServer.ServerUrl(app))) with { Name = name };
        Register(site);
        return (board, site);
    }

    public void Register(SiteDefinition site)
    {
        _sites.Add(site);
        Services.GetRequiredService<SiteRegistry>().Set(_sites);
    }

    public async Task CrawlAsync(SiteDefinition site)
    {
        var report = await Services.GetRequiredService<SiteCrawler>().RunAsync(site, CancellationToken.None);
        Assert.Empty(report.Errors);
    }

    public async Task<long> PostIdAsync(string site, string sitePostId)
    {
        await using var connection = await Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM posts WHERE site = @site AND site_post_id = @sitePostId", new { site, sitePostId });
    }

    /// <summary>The post's review item status and the reason names of the classification it was queued with (null when not queued).</summary>
    public async Task<(string Status, IReadOnlyList<Reason> Reasons, bool Flagged)?> QueuedAsync(long postId)
    {
        await using var connection = await Services.GetRequiredService<Database>().OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(string Status, string Reasons, long Flagged)?>(
            "SELECT r.status, c.reasons, c.flagged FROM review_items r JOIN classifications c ON c.id = r.classification_id WHERE r.post_id = @postId", new { postId });
        return row is { } r ? (r.Status, ClassificationStore.ParseReasons(r.Reasons), r.Flagged == 1) : null;
    }

    /// <summary>A reviewer confirms the queued post; returns the takedown request it created.</summary>
    public async Task<TakedownRequest> ConfirmAsync(string site, string sitePostId)
    {
        var postId = await PostIdAsync(site, sitePostId);
        long itemId;
        await using (var connection = await Services.GetRequiredService<Database>().OpenAsync())
        {
            itemId = await connection.ExecuteScalarAsync<long>("SELECT id FROM review_items WHERE post_id = @postId", new { postId });
        }

        Assert.True(itemId > 0, $"{site} post {sitePostId} was not queued for review");
        var decision = await Services.GetRequiredService<ReviewQueue>().DecideAsync(itemId, "kim", DecisionKind.Confirm, "employment-fraud", null, Clock.GetUtcNow());
        Assert.True(decision.Accepted, decision.Reason);
        return (await Takedowns.GetAsync(decision.TakedownId!.Value))!;
    }

    public async Task SendAsync(long requestId, TimeSpan deadline)
    {
        var t = await Takedowns.TransitionAsync(requestId, TakedownEvent.Sent, "delivery", null, Clock.GetUtcNow(), deadline);
        Assert.True(t.Changed, t.Reason);
    }

    public Task<VerificationReport> VerifyAsync(string? platform = null) =>
        Services.GetRequiredService<TakedownVerifier>().RunAsync(platform, CancellationToken.None);

    public TakedownStore Takedowns => Services.GetRequiredService<TakedownStore>();

    public Task<TakedownRequest?> RequestAsync(long id) => Takedowns.GetAsync(id);

    /// <summary>Puts the same model in service with a threshold nothing reaches: whatever is queued now is queued for another reason.</summary>
    public void RaiseThresholdOutOfReach()
    {
        var path = Services.GetRequiredService<ModelStore>().PromotedModelPath();
        Services.GetRequiredService<Classifier>().Swap(LureModel.Load(path, thresholdOverride: 1.0));
    }

    /// <summary>Stops every board: their addresses answer nothing from now on.</summary>
    public async Task DisposeBoardsAsync()
    {
        foreach (var app in _boards)
        {
            await app.DisposeAsync();
        }

        _boards.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeBoardsAsync();

        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
