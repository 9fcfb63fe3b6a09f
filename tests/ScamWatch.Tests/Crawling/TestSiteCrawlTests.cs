using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Crawling;
using ScamWatch.Posts;
using ScamWatch.Sites;
using ScamWatch.Tests.Support;
using ScamWatch.Tests.Support.TestSites;

namespace ScamWatch.Tests.Crawling;

/// <summary>The crawler against four differently built job sites on loopback (EUC-KR tables, JSON-LD + sitemaps, a community board, a JSON API).</summary>
public sealed class TestSiteCrawlTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public static TheoryData<string> Sites => new() { "old", "jsonld", "community", "api", "api-paged" };

    private static TestSite Create(string name) => name switch
    {
        "old" => TestSite.OldBoardEucKr(),
        "jsonld" => TestSite.JsonLdCareer(),
        "community" => TestSite.CommunityBoard(),
        "api" => TestSite.JsonApi(),
        _ => TestSite.JsonApiPaged(),
    };

    private async Task<ServiceProvider> ServicesAsync(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = TestHost.Sqlite(_dir.File(Guid.NewGuid().ToString("N") + ".db"));
        settings["Crawler:DisablePoliteness"] = "true";
        settings["Crawler:RetryBaseDelay"] = "00:00:00.010";
        tweak?.Invoke(settings);
        return await TestHost.MigratedAsync(settings);
    }

    private static async Task<List<PostRow>> StoredAsync(ServiceProvider services, string site)
    {
        var rows = new List<PostRow>();
        await foreach (var row in services.GetRequiredService<PostStore>().StreamLatestAsync(site))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Crawl_EverySiteKind_StoresExactlyTheExpectedPosts(string name)
    {
        await using var site = Create(name);
        await site.StartAsync();
        await using var services = await ServicesAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        Assert.Empty(SiteDefinitionLoader.Validate(definition));

        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(definition, CancellationToken.None);

        Assert.Empty(report.Errors);
        var rows = await StoredAsync(services, definition.Name);
        Assert.Equal(site.Expected.Select(e => e.SitePostId).Order(StringComparer.Ordinal), rows.Select(r => r.SitePostId).Order(StringComparer.Ordinal));
        foreach (var expected in site.Expected)
        {
            var row = rows.Single(r => r.SitePostId == expected.SitePostId);
            Assert.Equal(expected.Title, row.Title);
            Assert.Equal(expected.Body, row.Body);
            Assert.Equal(expected.Company, row.Company);
            if (expected.Contact is null && row.Contact is not null)
            {
                // The crawler also takes an e-mail address from the description when no structured contact is given.
                Assert.Contains(row.Contact, row.Body, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expected.Contact, row.Contact);
            }

            Assert.Equal(expected.PostedAt, row.PostedAt);
            if (expected.Location is not null)
            {
                Assert.Contains(expected.Location.Split(',')[0].Trim(), row.Location, StringComparison.Ordinal);
            }

            if (expected.Salary is not null)
            {
                Assert.Contains(new string([.. expected.Salary.Where(char.IsDigit).Take(4)]), new string([.. (row.Salary ?? "").Where(char.IsDigit)]), StringComparison.Ordinal);
            }
        }

        // Nothing robots.txt forbids was ever requested.
        var requested = site.Requests.Select(r => r.PathAndQuery).ToHashSet(StringComparer.Ordinal);
        Assert.All(site.DisallowedLinks, link => Assert.DoesNotContain(new Uri(link).PathAndQuery, requested));
        Assert.All(site.Requests, r => Assert.StartsWith("ScamWatch/", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_OldBoard_DecodesEucKrAsCp949()
    {
        await using var site = TestSite.OldBoardEucKr();
        await site.StartAsync();
        await using var services = await ServicesAsync();
        await services.GetRequiredService<SiteCrawler>().RunAsync(SiteDefinitionLoader.Parse(site.SiteDefinitionJson()), CancellationToken.None);
        var rows = await StoredAsync(services, SiteDefinitionLoader.Parse(site.SiteDefinitionJson()).Name);
        Assert.Contains(rows, r => (r.Body ?? "").Contains('똠', StringComparison.Ordinal) || (r.Title ?? "").Contains('똠', StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => (r.Body ?? "").Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_CommunityBoard_RecordsRobotsDecisionsAndNeverFetchesDisallowed()
    {
        await using var site = TestSite.CommunityBoard();
        await site.StartAsync();
        await using var services = await ServicesAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(definition, CancellationToken.None);

        Assert.NotEmpty(site.DisallowedLinks);
        Assert.True(report.Blocked > 0);
        var frontier = services.GetRequiredService<CrawlFrontier>();
        foreach (var link in site.DisallowedLinks)
        {
            var row = await frontier.GetAsync(definition.Name, link, CancellationToken.None);
            Assert.NotNull(row);
            Assert.Equal(CrawlFrontier.States.Blocked, row.State);
        }
    }

    [Fact]
    public async Task Recrawl_UnchangedSite_UsesConditionalGetAndReprocessesNothing()
    {
        await using var site = TestSite.OldBoardEucKr();
        await site.StartAsync();
        await using var services = await ServicesAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        var crawler = services.GetRequiredService<SiteCrawler>();
        await crawler.RunAsync(definition, CancellationToken.None);
        site.ClearRequests();

        var second = await crawler.RunAsync(definition, CancellationToken.None);

        Assert.Equal(0, second.NewPosts);
        Assert.Equal(0, second.ChangedPosts);
        Assert.Equal(site.Expected.Count, second.NotModified);
        var details = site.Requests.Where(r => r.PathAndQuery.Contains("view.php", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(details);
        Assert.All(details, r => Assert.True(r.IfNoneMatch is not null || r.IfModifiedSince is not null));
        Assert.All(details, r => Assert.Equal(304, r.Status));
        Assert.All(await StoredAsync(services, definition.Name), r => Assert.Equal(1, r.Versions));
    }

    [Theory]
    [InlineData("old")]
    [InlineData("jsonld")]
    [InlineData("community")]
    [InlineData("api")]
    public async Task Recrawl_EditDeleteRepost_UpdatesLifecycle(string name)
    {
        await using var site = Create(name);
        await site.StartAsync();
        await using var services = await ServicesAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        var crawler = services.GetRequiredService<SiteCrawler>();
        await crawler.RunAsync(definition, CancellationToken.None);

        var posts = site.Expected;
        var edited = posts[1].SitePostId;
        var deleted = posts[2].SitePostId;
        var reposted = posts.First(p => p.Body.Length > 80 && p.SitePostId != edited && p.SitePostId != deleted).SitePostId;
        site.EditPost(edited, "근무 조건이 바뀌었습니다.\n시급 12,000원, 주 5일 근무입니다.");
        site.DeletePost(deleted);
        const string newId = "990777";
        site.Repost(reposted, newId);

        var report = await crawler.RunAsync(definition, CancellationToken.None);

        Assert.Empty(report.Errors);
        var rows = await StoredAsync(services, definition.Name);
        var e = rows.Single(r => r.SitePostId == edited);
        Assert.Equal(2, e.Versions);
        Assert.StartsWith("근무 조건이 바뀌었습니다.", e.Body, StringComparison.Ordinal);
        Assert.NotNull(rows.Single(r => r.SitePostId == deleted).RemovedAt);
        var repost = rows.Single(r => r.SitePostId == newId);
        Assert.Equal(rows.Single(r => r.SitePostId == reposted).Url, repost.DuplicateOfUrl);
    }

    [Fact]
    public async Task Crawl_Faults_AreRecordedPerUrlAndTheRunGoesOn()
    {
        await using var site = TestSite.CommunityBoard();
        site.HugePageBytes = 8L * 1024 * 1024;
        site.GzipBomb = true;
        site.RedirectLoop = true;
        site.CalendarTrap = true;
        site.Fail429Once = true;
        await site.StartAsync();
        await using var services = await ServicesAsync(s =>
        {
            s["Crawler:MaxPageBytes"] = (2 * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
            s["Crawler:MaxRetryAfter"] = "00:00:00.050";
        });
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());

        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(definition, CancellationToken.None);

        var rows = await StoredAsync(services, definition.Name);
        Assert.Equal(site.Expected.Count, rows.Count);
        Assert.Contains(report.Errors, e => e.StartsWith(site.HugePageUrl, StringComparison.Ordinal) && e.Contains("bytes", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.StartsWith(site.GzipBombUrl, StringComparison.Ordinal) && e.Contains("bytes", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.StartsWith(site.RedirectLoopUrl, StringComparison.Ordinal) && e.Contains("redirect", StringComparison.Ordinal));
        Assert.True(site.Requests.Count(r => r.PathAndQuery.StartsWith("/calendar", StringComparison.Ordinal)) <= definition.List.MaxPages,
            "the calendar trap was followed beyond the list-page bound");
        var frontier = services.GetRequiredService<CrawlFrontier>();
        var huge = await frontier.GetAsync(definition.Name, site.HugePageUrl, CancellationToken.None);
        Assert.Equal(CrawlFrontier.States.Failed, huge!.State);
    }

    [Fact]
    public async Task Crawl_503WithRetryAfter_WaitsAndSucceeds()
    {
        await using var site = TestSite.OldBoardEucKr();
        site.FailFirst503WithRetryAfter = true;
        await site.StartAsync();
        await using var services = await ServicesAsync();
        var first = site.Expected[0];
        // One detail page only, so the real one-second Retry-After costs one second.
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson()) with { DetailUrlPattern = "no=" + first.SitePostId + "$" };

        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(definition, CancellationToken.None);

        Assert.Empty(report.Errors);
        var path = new Uri(first.Url).PathAndQuery;
        var attempts = site.Requests.Where(r => r.PathAndQuery == path).OrderBy(r => r.Time).ToList();
        Assert.Equal([503, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].Time - attempts[0].Time >= TimeSpan.FromMilliseconds(950), $"retried after {(attempts[1].Time - attempts[0].Time).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Crawl_SlowSite_TimesOutPerAttemptAndRecordsIt()
    {
        await using var site = TestSite.OldBoardEucKr();
        site.SlowDetailMs = 3000;
        await site.StartAsync();
        await using var services = await ServicesAsync(s =>
        {
            // Generous enough for robots.txt and list pages on a loaded machine, far below the 3 s the detail page takes.
            s["Crawler:AttemptTimeout"] = "00:00:01";
            s["Crawler:MaxRetries"] = "0";
        });
        var only = site.Expected[0];
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson()) with { DetailUrlPattern = "no=" + only.SitePostId + "$" };

        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(definition, CancellationToken.None);

        var error = Assert.Single(report.Errors);
        Assert.Contains("timed out", error, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(services, definition.Name));
    }
}
