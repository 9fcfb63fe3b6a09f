using System.Text;
using ScamWatch.Crawling;
using ScamWatch.Sites;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Tests.Takedown.Verification;

public sealed class PageCheckTests
{
    private static readonly SiteDefinition Board = new() { Name = "board", BaseUrl = "http://board.test/", RemovalMarkers = ["삭제된 게시물입니다"] };

    private static FetchResult Fetch(int status, string? body, string? error = null) =>
        new(new Uri("http://board.test/view?no=3"), status, "text/html; charset=utf-8", new Dictionary<string, string>(),
            Encoding.UTF8.GetBytes(body ?? ""), DateTimeOffset.UnixEpoch, error);

    [Theory]
    [InlineData(404, "<p>없음</p>", null, PageState.Gone, "HTTP 404")]
    [InlineData(410, "", null, PageState.Gone, "HTTP 410")]
    [InlineData(200, "<p>삭제된 게시물입니다.</p>", null, PageState.Gone, "removal marker \"삭제된 게시물입니다\"")]
    [InlineData(200, "<h2>캄보디아 상담원 모집</h2>", null, PageState.Up, "HTTP 200, no removal marker")]
    [InlineData(503, "busy", "HTTP 503", PageState.Unknown, "HTTP 503")]
    [InlineData(0, null, "timed out: attempt took longer than 20 s", PageState.Unknown, "timed out")]
    [InlineData(302, null, "redirect to http://other.test/ not followed: outside the site's scope", PageState.Unknown, "not followed")]
    [InlineData(204, "", null, PageState.Up, "HTTP 204")]
    public void FromFetch_Table(int status, string? body, string? error, PageState state, string detail)
    {
        var check = PageCheck.FromFetch(Fetch(status, body, error), Board);

        Assert.Equal(state, check.State);
        Assert.Contains(detail, check.Detail, StringComparison.Ordinal);
        Assert.Equal("http://board.test/view?no=3", check.Url);
    }

    [Fact]
    public void FromFetch_MarkerInAnotherCharset_IsStillFound()
    {
        var eucKr = ScamWatch.Extraction.CharsetDecoder.ForLabel("euc-kr").GetBytes("<html><head><meta charset=\"euc-kr\"></head><body>삭제된 게시물입니다</body></html>");
        var fetch = new FetchResult(new Uri("http://board.test/view?no=3"), 200, "text/html", new Dictionary<string, string>(), eucKr, DateTimeOffset.UnixEpoch, null);

        Assert.Equal(PageState.Gone, PageCheck.FromFetch(fetch, Board).State);
    }
}
