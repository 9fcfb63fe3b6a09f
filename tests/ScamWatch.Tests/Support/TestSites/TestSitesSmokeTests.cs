using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>Checks the test sites themselves with a plain HttpClient, so crawler tests can trust them.</summary>
public sealed class TestSitesSmokeTests : IDisposable
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });

    public void Dispose() => _http.Dispose();

    private static async Task<TestSite> StartedAsync(TestSite site)
    {
        await site.StartAsync();
        return site;
    }

    public static TheoryData<string> SiteNames => new() { "oldboard", "career", "community", "api" };

    private static TestSite Create(string name) => name switch
    {
        "oldboard" => TestSite.OldBoardEucKr(),
        "career" => TestSite.JsonLdCareer(),
        "community" => TestSite.CommunityBoard(),
        _ => TestSite.JsonApi(),
    };

    [Theory]
    [MemberData(nameof(SiteNames))]
    public async Task Expected_EverySite_HasRealisticSizeAndLureShare(string name)
    {
        await using var site = await StartedAsync(Create(name));

        var expected = site.Expected;
        Assert.InRange(expected.Count, 25, 40);
        Assert.InRange(expected.Count(e => e.IsLure) / (double)expected.Count, 0.15, 0.30);
        Assert.Equal(expected.Count, expected.Select(e => e.SitePostId).Distinct().Count());
        Assert.All(expected, e => Assert.StartsWith(site.BaseUrl, e.Url, StringComparison.Ordinal));
        Assert.All(expected, e => Assert.DoesNotContain("\n\n\n", e.Body, StringComparison.Ordinal));
        Assert.All(expected, e => Assert.Equal(e.Body, string.Join('\n', e.Body.Split('\n').Select(l => l.Trim()))));
    }

    [Fact]
    public async Task Expected_AcrossSites_NoTitleRepeats()
    {
        var titles = new List<string>();
        foreach (var name in new[] { "oldboard", "career", "community", "api" })
        {
            await using var site = await StartedAsync(Create(name));
            titles.AddRange(site.Expected.Select(e => e.Title));
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task OldBoardDetail_DecodedWithCp949_ShowsExpectedKoreanIncludingUhcSyllable()
    {
        await using var site = await StartedAsync(TestSite.OldBoardEucKr());
        var post = site.Expected.Single(e => e.Body.Contains('똠', StringComparison.Ordinal));

        using var response = await _http.GetAsync(post.Url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("charset=euc-kr", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        var html = OldBoardEucKrSite.Cp949.GetString(bytes);
        Assert.Contains(WebUtility.HtmlEncode(post.Title), html, StringComparison.Ordinal);
        Assert.Contains("똠양꿍", html, StringComparison.Ordinal);
        Assert.DoesNotContain("똠", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldBoardList_AllPages_LinkEveryExpectedPostWithoutNextLink()
    {
        await using var site = await StartedAsync(TestSite.OldBoardEucKr());
        var linked = new HashSet<string>();

        for (var page = 1; page <= 4; page++)
        {
            var html = OldBoardEucKrSite.Cp949.GetString(await _http.GetByteArrayAsync(site.BaseUrl + "list.php?page=" + page));
            linked.UnionWith(Regex.Matches(html, "href=\"view\\.php\\?no=(\\d+)\"").Select(m => m.Groups[1].Value));
            Assert.DoesNotContain("다음", html, StringComparison.Ordinal);
        }

        Assert.Equal(site.Expected.Select(e => e.SitePostId).Order(), linked.Order());
        using var robots = await _http.GetAsync(site.BaseUrl + "robots.txt");
        Assert.Equal(HttpStatusCode.NotFound, robots.StatusCode);
    }

    [Fact]
    public async Task JsonLdSitemapIndex_Parsed_ListsTwoSitemapsCoveringEveryExpectedPost()
    {
        await using var site = await StartedAsync(TestSite.JsonLdCareer());

        var index = XDocument.Parse(await _http.GetStringAsync(site.BaseUrl + "sitemap.xml"));
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements(Sm + "sitemap").ToList();
        Assert.Equal([site.BaseUrl + "sitemaps/jobs-1.xml", site.BaseUrl + "sitemaps/jobs-2.xml"], sitemaps.Select(s => s.Element(Sm + "loc")!.Value));
        Assert.All(sitemaps, s => Assert.True(DateTimeOffset.TryParse(s.Element(Sm + "lastmod")!.Value, out _)));

        var urls = new List<string>();
        foreach (var loc in sitemaps.Select(s => s.Element(Sm + "loc")!.Value))
        {
            var urlset = XDocument.Parse(await _http.GetStringAsync(loc));
            urls.AddRange(urlset.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value));
        }

        Assert.Equal(site.Expected.Select(e => e.Url).Order(), urls.Where(u => Regex.IsMatch(u, "/jobs/\\d+")).Order());
        Assert.Contains(urls, u => u.Contains("/companies/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonLdDetail_EveryPage_HasExactlyOneJobPostingAgreeingWithExpected()
    {
        await using var site = await StartedAsync(TestSite.JsonLdCareer());
        var blockCounts = new HashSet<int>();

        foreach (var post in site.Expected)
        {
            var html = await _http.GetStringAsync(post.Url);
            var blocks = Regex.Matches(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)
                .Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();
            blockCounts.Add(blocks.Count);
            var job = Assert.Single(blocks.SelectMany(JobPostings));

            Assert.Equal(post.Title, (string?)job["title"]);
            Assert.Equal(post.Company, (string?)job["hiringOrganization"]!["name"]);
            Assert.Equal(post.PostedAt, (string?)job["datePosted"]);
            Assert.StartsWith("<", (string?)job["description"], StringComparison.Ordinal);
        }

        Assert.Equal([1, 2], blockCounts.Order());
    }

    [Fact]
    public async Task CommunityRobots_Served_HasGroupsAndListLinksToDisallowedUrls()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());

        var robots = await _http.GetStringAsync(site.BaseUrl + "robots.txt");
        Assert.Contains("Disallow: /member/\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /*?mode=print$\n", robots, StringComparison.Ordinal);
        Assert.Contains("Allow: /board/view\n", robots, StringComparison.Ordinal);
        Assert.Contains("Crawl-delay: 2\n", robots, StringComparison.Ordinal);
        Assert.Contains("User-agent: BadBot\nDisallow: /\n", robots, StringComparison.Ordinal);

        var lists = "";
        for (var page = 1; page <= 3; page++)
        {
            lists += WebUtility.HtmlDecode(await _http.GetStringAsync(site.BaseUrl + "board/list.php?page=" + page));
        }

        Assert.NotEmpty(site.DisallowedLinks);
        Assert.All(site.DisallowedLinks, url => Assert.Contains(new Uri(url).PathAndQuery.Replace("/board/", "", StringComparison.Ordinal), lists, StringComparison.Ordinal));
        Assert.Contains("class=\"pg_page pg_next\" href=\"list.php?page=2\"", lists, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CareerRobots_Served_PointsAtTheSitemapOnItsOwnPort()
    {
        await using var site = await StartedAsync(TestSite.JsonLdCareer());

        var robots = await _http.GetStringAsync(site.BaseUrl + "robots.txt");

        Assert.Contains("Sitemap: " + site.BaseUrl + "sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SiteNames))]
    public async Task Detail_MatchingValidators_Answers304(string name)
    {
        await using var site = await StartedAsync(Create(name));
        var url = site.DetailUrl(site.Expected[3].SitePostId);
        using var first = await _http.GetAsync(url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byEtag = await SendAsync(url, r => r.Headers.IfNoneMatch.Add(etag));
        using var byDate = await SendAsync(url, r => r.Headers.IfModifiedSince = lastModified);
        using var stale = await SendAsync(url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\"")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byEtag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Empty(await byEtag.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task EditPost_Detail_ChangesETagLastModifiedAndExpectedBody()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        var post = site.Expected[2];
        using var before = await _http.GetAsync(post.Url);

        site.EditPost(post.SitePostId, "마감되었습니다.\n\n연락 주신 분들  감사합니다. ");
        using var after = await SendAsync(post.Url, r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        Assert.Equal("마감되었습니다.\n\n연락 주신 분들 감사합니다.", site.Expected.Single(e => e.SitePostId == post.SitePostId).Body);
        Assert.Contains("연락 주신 분들 감사합니다.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePost_OldBoard_DetailAnswers404AndLeavesListAndExpected()
    {
        await using var site = await StartedAsync(TestSite.OldBoardEucKr());
        var post = site.Expected[1];

        site.DeletePost(post.SitePostId);

        using var response = await _http.GetAsync(post.Url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(site.Expected, e => e.SitePostId == post.SitePostId);
        var list = OldBoardEucKrSite.Cp949.GetString(await _http.GetByteArrayAsync(site.BaseUrl + "list.php?page=1"));
        Assert.DoesNotContain("view.php?no=" + post.SitePostId + "\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePost_CommunityBoard_DetailAnswers200WithRemovalMarker()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        var post = site.Expected[5];

        site.DeletePost(post.SitePostId);

        using var response = await _http.GetAsync(post.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("삭제된 게시물입니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("삭제된 게시물입니다", site.RemovalMarker);
    }

    [Fact]
    public async Task Repost_NewId_ServesSameTextAndJoinsExpected()
    {
        await using var site = await StartedAsync(TestSite.JsonApi());
        var post = site.Expected.First(e => e.IsLure);

        site.Repost(post.SitePostId, "50300");

        var repost = site.Expected[0];
        Assert.Equal(("50300", post.Title, post.Body), (repost.SitePostId, repost.Title, repost.Body));
        var page = JsonNode.Parse(await _http.GetStringAsync(site.BaseUrl + "api/v1/jobs?cursor=&limit=10"))!;
        Assert.Equal(50300, (long)page["data"]!["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task GzipBomb_Listed_IsSmallOnTheWireAndInflatesTo100MB()
    {
        await using var site = await StartedAsync(TestSite.OldBoardEucKr());
        site.GzipBomb = true;
        var list = OldBoardEucKrSite.Cp949.GetString(await _http.GetByteArrayAsync(site.BaseUrl + "list.php?page=1"));
        Assert.Contains("href=\"" + site.GzipBombUrl[site.BaseUrl.Length..] + "\"", list, StringComparison.Ordinal);

        using var response = await _http.GetAsync(site.GzipBombUrl);
        var wire = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.InRange(wire.Length, 1, 256 * 1024);
        await using var inflate = new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
        Assert.Equal(FaultResponses.GzipBombInflatedBytes, await CountAsync(inflate));
    }

    [Fact]
    public async Task HugePage_Listed_StreamsExactlyTheConfiguredBytes()
    {
        await using var site = await StartedAsync(TestSite.JsonLdCareer());
        site.HugePageBytes = 3_000_000;
        var sitemap = await _http.GetStringAsync(site.BaseUrl + "sitemaps/jobs-2.xml");
        Assert.Contains("<loc>" + site.HugePageUrl + "</loc>", sitemap, StringComparison.Ordinal);

        using var response = await _http.GetAsync(site.HugePageUrl, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal(3_000_000, await CountAsync(body));
    }

    [Fact]
    public async Task RedirectLoop_Listed_BouncesBetweenTwoUrls()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        site.RedirectLoop = true;

        using var a = await _http.GetAsync(site.RedirectLoopUrl);
        var b = new Uri(new Uri(site.RedirectLoopUrl), a.Headers.Location!);
        using var back = await _http.GetAsync(b);

        Assert.Equal(HttpStatusCode.Found, a.StatusCode);
        Assert.NotEqual(site.RedirectLoopUrl, b.AbsoluteUri);
        Assert.Equal(site.RedirectLoopUrl, new Uri(b, back.Headers.Location!).AbsoluteUri);
    }

    [Fact]
    public async Task Fail429Once_FirstListRequest_429WithRetryAfterThenOk()
    {
        await using var site = await StartedAsync(TestSite.JsonApiPaged());
        site.Fail429Once = true;
        var url = site.BaseUrl + "api/v2/jobs?page=1";

        using var first = await _http.GetAsync(url);
        using var second = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task FailFirst503_EachDetailUrl_503WithRetryAfterOnceThenOk()
    {
        await using var site = await StartedAsync(TestSite.OldBoardEucKr());
        site.FailFirst503WithRetryAfter = true;
        var (a, b) = (site.Expected[0].Url, site.Expected[1].Url);

        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { a, a, b, b })
        {
            using var response = await _http.GetAsync(url);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
            }
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task SlowDetailMs_Detail_AnswersNoSoonerThanTheDelay()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        site.SlowDetailMs = 300;

        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(site.Expected[0].Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task CalendarTrap_ListAndCalendarPages_AlwaysLinkOneMonthFurther()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        site.CalendarTrap = true;

        var lastList = await _http.GetStringAsync(site.BaseUrl + "board/list.php?page=3");
        var month = await _http.GetStringAsync(site.CalendarUrl(41));

        Assert.Contains("class=\"pg_page pg_next\" href=\"/calendar?month=1\"", lastList, StringComparison.Ordinal);
        Assert.Contains("class=\"next pg_next\" href=\"/calendar?month=42\"", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonApiCursor_FollowedToTheEnd_ReturnsEveryExpectedItemThenNull()
    {
        await using var site = await StartedAsync(TestSite.JsonApi());
        var items = new List<JsonNode>();
        string? cursor = "";
        var pages = 0;

        while (cursor is not null && pages++ < 10)
        {
            var page = JsonNode.Parse(await _http.GetStringAsync(site.BaseUrl + "api/v1/jobs?cursor=" + Uri.EscapeDataString(cursor) + "&limit=10"))!;
            items.AddRange(page["data"]!["items"]!.AsArray().Select(i => i!));
            cursor = (string?)page["data"]!["next_cursor"];
        }

        Assert.Equal(3, pages);
        Assert.Equal(site.Expected.Count, items.Count);
        foreach (var (item, expected) in items.Zip(site.Expected))
        {
            Assert.Equal(expected.SitePostId, ((long)item["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Body, (string?)item["content"]!["text"]);
            Assert.Equal(expected.Company, (string?)item["company"]?["name"]);
            Assert.Equal(expected.Salary, item["pay"]?["amount"]?.ToJsonString());
            Assert.Equal(expected.Location, (string?)item["region"]);
            Assert.Equal(expected.Contact, (string?)item["contact"]);
            Assert.Equal(expected.PostedAt, (string?)item["created_at"]);
            Assert.Equal(expected.Url, site.BaseUrl + ((string)item["url"]!)[1..]);
        }
    }

    [Fact]
    public async Task JsonApiCursor_FaultAndTrapSwitches_ChainFromTheLastPage()
    {
        await using var site = await StartedAsync(TestSite.JsonApi());
        var lastPage = site.BaseUrl + "api/v1/jobs?cursor=&limit=50";

        site.HugePageBytes = 100_000;
        var toHuge = (string?)JsonNode.Parse(await _http.GetStringAsync(lastPage))!["data"]!["next_cursor"];
        using var huge = await _http.GetAsync(site.HugePageUrl);
        site.HugePageBytes = 0;
        site.CalendarTrap = true;
        var toTrap = (string?)JsonNode.Parse(await _http.GetStringAsync(lastPage))!["data"]!["next_cursor"];
        var trap = JsonNode.Parse(await _http.GetStringAsync(site.BaseUrl + "api/v1/jobs?cursor=cal-7&limit=10"))!;

        Assert.Equal(site.HugePageUrl, site.BaseUrl + "api/v1/jobs?cursor=" + toHuge + "&limit=10");
        Assert.Equal(100_000, (await huge.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("cal-1", toTrap);
        Assert.Empty(trap["data"]!["items"]!.AsArray());
        Assert.Equal("cal-8", (string?)trap["data"]!["next_cursor"]);
    }

    [Fact]
    public async Task RequestLog_InjectedClock_StampsRequestsWithItsTime()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero));
        await using var site = await StartedAsync(TestSite.JsonLdCareer(clock));

        using var response = await _http.GetAsync(site.BaseUrl + "sitemap.xml");

        Assert.Equal(clock.GetUtcNow(), Assert.Single(site.Requests).Time);
    }

    [Fact]
    public async Task JsonApiPages_AllPages_ReturnEveryExpectedItem()
    {
        await using var site = await StartedAsync(TestSite.JsonApiPaged());

        var first = JsonNode.Parse(await _http.GetStringAsync(site.BaseUrl + "api/v2/jobs?page=1"))!;
        var ids = new List<long>();
        for (var page = 1; page <= (int)first["total_pages"]!; page++)
        {
            var json = JsonNode.Parse(await _http.GetStringAsync(site.BaseUrl + "api/v2/jobs?page=" + page))!;
            ids.AddRange(json["items"]!.AsArray().Select(i => (long)i!["id"]!));
        }

        Assert.Equal(3, (int)first["total_pages"]!);
        Assert.Equal(site.Expected.Select(e => long.Parse(e.SitePostId, System.Globalization.CultureInfo.InvariantCulture)), ids);
    }

    [Fact]
    public async Task RequestLog_Requests_RecordPathMethodHeadersAndStatus()
    {
        await using var site = await StartedAsync(TestSite.CommunityBoard());
        var url = site.Expected[0].Url;

        using var ok = await SendAsync(url, r => r.Headers.UserAgent.ParseAdd("ScamWatchTest/1.0"));
        using var missing = await _http.GetAsync(site.BaseUrl + "board/view.php?id=1");

        var log = site.Requests;
        Assert.Equal(2, log.Count);
        Assert.Equal((new Uri(url).PathAndQuery, "GET", "ScamWatchTest/1.0", 200), (log[0].PathAndQuery, log[0].Method, log[0].UserAgent, log[0].Status));
        Assert.Equal(("/board/view.php", 404), (log[1].Path, log[1].Status));
        Assert.True(log[0].Time <= log[1].Time);
    }

    [Theory]
    [MemberData(nameof(SiteNames))]
    public async Task SiteDefinitionJson_EverySite_ParsesWithItsRealBaseUrl(string name)
    {
        await using var site = await StartedAsync(Create(name));

        using var doc = JsonDocument.Parse(site.SiteDefinitionJson());

        Assert.Equal(site.BaseUrl, doc.RootElement.GetProperty("baseUrl").GetString());
        Assert.Equal(site.Name, doc.RootElement.GetProperty("name").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(string url, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await _http.SendAsync(request);
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static IEnumerable<JsonNode> JobPostings(JsonNode node) => node switch
    {
        JsonArray array => array.SelectMany(n => JobPostings(n!)),
        JsonObject o when o["@graph"] is JsonArray graph => JobPostings(graph),
        JsonObject o when (string?)o["@type"] == "JobPosting" => [o],
        _ => [],
    };
}
