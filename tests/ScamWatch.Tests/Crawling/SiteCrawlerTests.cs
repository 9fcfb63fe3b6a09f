using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Crawling;
using ScamWatch.Demo;
using ScamWatch.Posts;
using ScamWatch.Sites;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Crawling;

public sealed class SiteCrawlerTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private DemoBoardServer _board = null!;
    private ServiceProvider _services = null!;
    private SiteDefinition _site = null!;

    public async Task InitializeAsync()
    {
        _board = await DemoBoardServer.StartAsync();
        var settings = TestHost.Sqlite(_dir.File("crawl.db"));
        settings["Crawler:DisablePoliteness"] = "true";
        _services = await TestHost.MigratedAsync(settings);
        _site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(_board.Url));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _board.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private async Task<List<PostRow>> StoredAsync()
    {
        var rows = new List<PostRow>();
        await foreach (var row in _services.GetRequiredService<PostStore>().StreamLatestAsync(null))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Run_DemoBoard_StoresEveryPostWithEvidenceAndNoErrors()
    {
        var report = await _services.GetRequiredService<SiteCrawler>().RunAsync(_site, CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal(_board.Board.Posts.Count, report.NewPosts);
        var rows = await StoredAsync();
        Assert.Equal(_board.Board.Posts.Select(p => p.No.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Select(r => r.SitePostId).Order());
        Assert.All(rows, r => Assert.NotNull(r.EvidenceSha256));
        Assert.All(rows, r => Assert.NotNull(r.Score));
    }

    [Fact]
    public async Task Run_DetailPage_ExtractsExactBodyWithoutCommentsAdsOrScripts()
    {
        await _services.GetRequiredService<SiteCrawler>().RunAsync(_site, CancellationToken.None);
        var rows = await StoredAsync();
        foreach (var post in _board.Board.Posts)
        {
            var row = rows.Single(r => r.SitePostId == post.No.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Tidy(post.Body), row.Body);
            Assert.Equal(post.Title, row.Title);
            Assert.DoesNotContain("지나가던사람", row.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("무직자 대출", row.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("var _v", row.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_DemoLures_AreFlaggedAndMostLegitPostsAreNot()
    {
        var report = await _services.GetRequiredService<SiteCrawler>().RunAsync(_site, CancellationToken.None);
        var rows = await StoredAsync();
        var truth = _board.Board.Posts.ToDictionary(p => p.No.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.DemoTruth == "lure");
        var lures = rows.Where(r => truth[r.SitePostId]).ToList();
        var legit = rows.Where(r => !truth[r.SitePostId]).ToList();
        Assert.True(lures.Count(r => r.Flagged == true) >= lures.Count - 1, $"flagged {lures.Count(r => r.Flagged == true)} of {lures.Count} lures");
        Assert.True(legit.Count(r => r.Flagged == true) <= 3, $"flagged {legit.Count(r => r.Flagged == true)} legit posts");
        Assert.Equal(rows.Count(r => r.Flagged == true), report.Flagged);
    }

    [Fact]
    public async Task Run_Recrawl_DetectsEditAndRemoval()
    {
        var crawler = _services.GetRequiredService<SiteCrawler>();
        await crawler.RunAsync(_site, CancellationToken.None);
        var edited = _board.Board.Posts[3].No;
        var removed = _board.Board.Posts[5].No;
        _board.Board.Edit(edited, "내용이 바뀌었습니다");
        var listedBefore = _board.Board.Posts.ToList();
        _board.Board.Remove(removed);

        var report = await crawler.RunAsync(_site, CancellationToken.None);

        Assert.Equal(1, report.ChangedPosts);
        Assert.Equal(0, report.NewPosts);
        Assert.Equal(1, report.Removed);
        var rows = await StoredAsync();
        var e = rows.Single(r => r.SitePostId == edited.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, e.Versions);
        Assert.Equal("내용이 바뀌었습니다", e.Body);
        Assert.Equal(listedBefore.Count, rows.Count);
        Assert.NotNull(rows.Single(r => r.SitePostId == removed.ToString(System.Globalization.CultureInfo.InvariantCulture)).RemovedAt);
    }

    [Fact]
    public async Task Run_UnreachableSite_RecordsErrorsAndFinishes()
    {
        var site = _site with { BaseUrl = "http://127.0.0.1:9/", StartUrls = ["/jobs?page=1"] };
        var settings = TestHost.Sqlite(_dir.File("unreachable.db"));
        settings["Crawler:MaxRetries"] = "0";
        await using var services = await TestHost.MigratedAsync(settings);
        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(site, CancellationToken.None);
        var error = Assert.Single(report.Errors);
        Assert.Contains("127.0.0.1:9", error, StringComparison.Ordinal);
    }

    private static string Tidy(string body) => ScamWatch.Extraction.HtmlText.Tidy(body);
}
