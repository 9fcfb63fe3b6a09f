using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>The demo's promise end to end over real HTTP: crawl → queue → open → confirm → takedown CSV.</summary>
public sealed partial class ReviewFlowTests : IAsyncLifetime
{
    private ReviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reviewer_ConfirmsFlaggedPost_ItLeavesQueueAndAppearsInTakedownCsv()
    {
        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        var queue = await client.GetStringAsync("/queue");
        var ids = ItemLinkRegex().Matches(queue).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(ids.Count >= 14, $"queue lists {ids.Count} items");

        var first = ids[0];
        var item = await client.GetStringAsync($"/items/{first}");
        Assert.Contains("<mark", item, StringComparison.Ordinal);
        var response = await client.PostAsync($"/items/{first}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "confirm",
            ["reasonCode"] = "employment-fraud",
            ["note"] = "텔레그램 단독 연락",
            ["__RequestVerificationToken"] = ReviewApp.Token(item),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetStringAsync("/queue");
        Assert.DoesNotContain($"/items/{first}\"", after, StringComparison.Ordinal);
        var audit = await client.GetStringAsync($"/items/{first}");
        Assert.Contains("텔레그램 단독 연락", audit, StringComparison.Ordinal);

        var csv = await client.GetAsync("/takedowns/albaplus.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("요청번호,플랫폼,URL", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",albaplus,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondReviewer_OpeningClaimedItem_CannotDecideIt()
    {
        using var kim = await _app.ClientAsync("kim", "reviewer-pass-1");
        using var lee = await _app.ClientAsync("lee", "reviewer-pass-2");
        var id = ItemLinkRegex().Match(await kim.GetStringAsync("/queue")).Groups[1].Value;
        await kim.GetStringAsync($"/items/{id}");
        var leePage = await lee.GetStringAsync($"/items/{id}");
        Assert.DoesNotContain("form-confirm", leePage, StringComparison.Ordinal);
        Assert.Contains("검토 중: kim", leePage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/queue")]
    [InlineData("/items/1")]
    [InlineData("/takedowns")]
    public async Task Anonymous_IsSentToLogin(string path)
    {
        using var client = await _app.ClientAsync(null, null);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_GetsOwnPlatformCsvOnly_AndNoQueue()
    {
        using var op = await _app.ClientAsync("op", "operator-pass-1");
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/takedowns/albaplus.csv")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await op.GetAsync("/queue")).StatusCode);
        using var other = await _app.ClientAsync("op2", "operator-pass-2");
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/takedowns/albaplus.csv")).StatusCode);
    }

    [Fact]
    public async Task Decide_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        var id = ItemLinkRegex().Match(await client.GetStringAsync("/queue")).Groups[1].Value;
        var response = await client.PostAsync($"/items/{id}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "confirm" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = await _app.ClientAsync(null, null);
        var response = await client.GetAsync("/login");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task WrongPassword_IsRefused()
    {
        using var client = await _app.ClientAsync(null, null);
        var login = await client.GetStringAsync("/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "kim",
            ["password"] = "wrong",
            ["__RequestVerificationToken"] = ReviewApp.Token(login),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("올바르지 않습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedPost_ShowsHistoryDiff_WithHostileTextInert()
    {
        var queue = _app.App.Services.GetRequiredService<ScamWatch.Review.ReviewQueue>();
        var item = (await queue.ListAsync(new ScamWatch.Review.QueueQuery { Limit = 1 }))[0];
        var no = int.Parse(item.Url.Split("no=")[1], System.Globalization.CultureInfo.InvariantCulture);
        var original = _app.Board.Board.Posts.Single(p => p.No == no).Body;
        _app.Board.Board.Edit(no, original + "\n추가 문의: 텔레그램 @new_handle <script>alert(1)</script>");
        await _app.CrawlAsync();

        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        var page = await client.GetStringAsync($"/items/{item.Id}");
        Assert.Contains("변경 이력", page, StringComparison.Ordinal);
        Assert.Contains("class=\"ins\">+ 추가 문의: 텔레그램 @new_handle &lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishSwitch_TranslatesLabelsButNotPosts()
    {
        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        Assert.Contains("검토 대기열", await client.GetStringAsync("/queue"), StringComparison.Ordinal);
        var switched = await client.GetAsync("/lang/en?back=%2Fqueue");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/queue", switched.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync("/queue");
        Assert.Contains("Review queue", english, StringComparison.Ordinal);
        Assert.Contains("highest risk first", english, StringComparison.Ordinal);
        Assert.DoesNotContain("위험도 높은 순", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/lang/ko?back=https%3A%2F%2Fevil.test")).StatusCode);
        Assert.Contains("검토 대기열", await client.GetStringAsync("/queue"), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/items/(\\d+)\"")]
    private static partial Regex ItemLinkRegex();
}
