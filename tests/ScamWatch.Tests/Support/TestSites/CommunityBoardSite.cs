using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// "우리동네 분당" community board, 구인구직 section: the post body sits in nested tables among ads (<c>div.ad</c>,
/// <c>table.banner</c>) with a comment section, navigation and noscript around it; list pages chain by a "다음" link
/// (<c>a.pg_next</c>); robots.txt forbids print views and member pages the list links to; a deleted post answers 200
/// with "삭제된 게시물입니다".
/// </summary>
internal sealed class CommunityBoardSite : SiteFlavor
{
    public const int PageSize = 10;
    public const string Marker = "삭제된 게시물입니다";

    public const string Robots = """
        User-agent: *
        Disallow: /member/
        Disallow: /*?mode=print$
        Disallow: /*&mode=print$
        Allow: /board/view
        Crawl-delay: 2

        User-agent: BadBot
        Disallow: /

        """;

    public override string Name => "test-community";

    public override string? RemovalMarker => Marker;

    public override string? RemovedPage =>
        $"""
        <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>알림</title>
        <script>alert("{Marker}.");</script></head>
        <body><div class="msg_box"><p class="msg">{Marker}.</p><a href="/board/list.php?page=1">목록으로</a></div></body></html>
        """;

    public override IEnumerable<FixturePost> Seed() => CommunityBoardPosts.All;

    public override void Map(WebApplication app, TestSite site)
    {
        app.MapGet("/robots.txt", () => Results.Text(Robots, "text/plain; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/board/list.php?page=1"));
        app.MapGet("/board/list.php", (HttpContext context) =>
        {
            var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
            return HttpDocument.WriteTextAsync(context, IsPrint(context.Request) ? PrintList(site) : ListPage(site, page));
        });
        app.MapGet("/board/view.php", (HttpContext context) =>
        {
            var id = context.Request.Query["id"].ToString();
            if (IsPrint(context.Request))
            {
                return site.Find(id) is BoardPost post
                    ? HttpDocument.WriteTextAsync(context, PrintView(post))
                    : HttpDocument.WriteTextAsync(context, "<p>존재하지 않는 게시물입니다.</p>", status: StatusCodes.Status404NotFound);
            }

            return site.ServeDetailAsync(context, id, p => Encoding.UTF8.GetBytes(DetailPage((BoardPost)p)), HttpDocument.Html);
        });
        app.MapGet("/member/{no:int}", (HttpContext context, int no) =>
            HttpDocument.WriteTextAsync(context, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>회원 정보</title></head><body><p>회원 {no}번의 프로필은 로그인한 회원만 볼 수 있습니다.</p></body></html>"));
    }

    public override bool IsListRequest(HttpRequest request) => request.Path == "/board/list.php" && !IsPrint(request);

    public override bool IsDetailRequest(HttpRequest request) =>
        request.Path == "/board/view.php" && !IsPrint(request) && !FaultIds.IsFault(request.Query["id"]);

    public override string DetailPath(string id) => "/board/view.php?id=" + id;

    public override ExpectedPost ToExpected(FixturePost post, string baseUrl)
    {
        var p = (BoardPost)post;
        return new ExpectedPost(p.Id, baseUrl + "board/view.php?id=" + p.Id, ReaderText.Tidy(p.Title), p.Body, null, NullIfBlank(p.Location), null,
            NullIfBlank(p.Contact), p.PostedAt, p.IsLure);
    }

    public override IReadOnlyList<string> DisallowedLinks(IReadOnlyList<FixturePost> posts)
    {
        var board = posts.Cast<BoardPost>().ToList();
        return
        [
            "/board/list.php?mode=print",
            .. board.Where(p => !p.IsNotice).Select(p => "/board/view.php?id=" + p.Id + "&mode=print"),
            .. board.Select(p => "/member/" + MemberNo(p.Author)).Distinct(),
        ];
    }

    public override string DefinitionJson(string baseUrl) =>
        $$"""
        {
          "name": "{{Name}}",
          "kind": "html",
          "enabled": true,
          "baseUrl": "{{baseUrl}}",
          "startUrls": ["/board/list.php?page=1"],
          "list": { "linkSelector": "table.bbs_list td.subject a", "nextSelector": "a.pg_next", "maxPages": 10 },
          "detail": {
            "title": "h1.bo_v_title",
            "body": "td#post_content",
            "location": "table.post_info td.area",
            "contact": "table.post_info td.tel",
            "postedAt": "div.bo_v_head span.date",
            "exclude": ["script", "style", "noscript", "nav", "div.ad", "table.banner", "div#comments"]
          },
          "postIdPattern": "[?&]id=(\\d+)",
          "removalMarkers": ["{{Marker}}"],
          "politeness": { "minDelayMs": 50, "maxConcurrency": 1 }
        }
        """;

    private static bool IsPrint(HttpRequest request) => request.Query["mode"] == "print";

    private static string ListPage(TestSite site, int page)
    {
        var posts = site.Posts.Cast<BoardPost>().ToList();
        var regular = posts.Where(p => !p.IsNotice).ToList();
        var pages = Math.Max(1, (regular.Count + PageSize - 1) / PageSize);
        var sb = new StringBuilder();
        Head(sb, "구인구직 > 우리동네 분당");
        sb.Append("<div id=\"bo_list\">\n<table class=\"bbs_list\">\n<thead><tr><th>번호</th><th>제목</th><th>날짜</th><th>조회</th></tr></thead>\n<tbody>\n");
        foreach (var notice in posts.Where(p => p.IsNotice))
        {
            sb.Append("<tr class=\"bo_notice\"><td class=\"num\"><strong>공지</strong></td><td class=\"subject\"><a class=\"title\" href=\"view.php?id=").Append(notice.Id)
                .Append("\">").Append(E(notice.Title)).Append("</a> <a class=\"print\" href=\"list.php?mode=print\">목록 인쇄</a><div class=\"meta\"><a class=\"member\" href=\"/member/")
                .Append(MemberNo(notice.Author)).Append("\">").Append(E(notice.Author)).Append("</a></div></td><td class=\"date\">").Append(notice.PostedAt[5..])
                .Append("</td><td>").Append(Views(notice)).Append("</td></tr>\n");
        }

        if (page == 1)
        {
            foreach (var id in site.ListedFaultIds)
            {
                sb.Append("<tr><td class=\"num\">").Append(id).Append("</td><td class=\"subject\"><a class=\"title\" href=\"view.php?id=").Append(id)
                    .Append("\">주말 알바 구해요 (급구)</a></td><td class=\"date\">11-24</td><td>1</td></tr>\n");
            }
        }

        foreach (var p in regular.Skip((page - 1) * PageSize).Take(PageSize))
        {
            var comments = Comments(p).Count;
            sb.Append("<tr><td class=\"num\">").Append(p.Id).Append("</td><td class=\"subject\"><a class=\"title\" href=\"view.php?id=").Append(p.Id).Append("\">")
                .Append(E(p.Title)).Append("</a>");
            if (comments > 0)
            {
                sb.Append(" <a class=\"cmt\" href=\"view.php?id=").Append(p.Id).Append("#comments\">[").Append(comments).Append("]</a>");
            }

            sb.Append("<div class=\"meta\"><a class=\"member\" href=\"/member/").Append(MemberNo(p.Author)).Append("\">").Append(E(p.Author))
                .Append("</a> · <a class=\"print\" href=\"view.php?id=").Append(p.Id).Append("&amp;mode=print\" title=\"인쇄\">인쇄</a></div></td><td class=\"date\">")
                .Append(p.PostedAt[5..]).Append("</td><td>").Append(Views(p)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</div>\n<div class=\"pg_wrap\"><span class=\"pg\">");
        for (var i = 1; i <= pages; i++)
        {
            sb.Append(i == page ? $"<strong class=\"pg_current\">{i}</strong> " : $"<a class=\"pg_page\" href=\"list.php?page={i}\">{i}</a> ");
        }

        if (page < pages)
        {
            sb.Append("<a class=\"pg_page pg_next\" href=\"list.php?page=").Append(page + 1).Append("\">다음</a>");
        }
        else if (site.CalendarTrap)
        {
            sb.Append("<a class=\"pg_page pg_next\" href=\"/calendar?month=1\">다음</a>");
        }

        sb.Append("</span></div>\n");
        if (site.CalendarTrap)
        {
            sb.Append("<div class=\"side\"><a class=\"calendar\" href=\"/calendar?month=1\">동네 행사 달력</a></div>\n");
        }

        sb.Append("<div class=\"ad\"><a href=\"/ad/go?b=3\">신용 7등급도 OK 비상금 대출</a></div>\n");
        Foot(sb);
        return sb.ToString();
    }

    private static string DetailPage(BoardPost p)
    {
        var sb = new StringBuilder();
        Head(sb, p.Title + " > 구인구직 | 우리동네 분당");
        sb.Append("<table class=\"layout\" width=\"100%\"><tr><td class=\"main\" valign=\"top\">\n");
        sb.Append("<div class=\"bo_v_head\"><h1 class=\"bo_v_title\">").Append(E(p.Title)).Append("</h1>\n<span class=\"writer\"><a href=\"/member/").Append(MemberNo(p.Author))
            .Append("\">").Append(E(p.Author)).Append("</a></span> <span class=\"date\">").Append(p.PostedAt).Append("</span> <span class=\"time\">").Append(p.Time)
            .Append("</span> <span class=\"hit\">조회 ").Append(Views(p)).Append("</span></div>\n");
        if (p.Location is not null || p.Contact is not null)
        {
            sb.Append("<table class=\"post_info\">");
            if (p.Location is not null)
            {
                sb.Append("<tr><th>지역</th><td class=\"area\">").Append(E(p.Location)).Append("</td></tr>");
            }

            if (p.Contact is not null)
            {
                sb.Append("<tr><th>연락처</th><td class=\"tel\">").Append(E(p.Contact)).Append("</td></tr>");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<table class=\"post_wrap\" width=\"100%\"><tr><td>\n<table class=\"post_inner\" width=\"100%\"><tr><td id=\"post_content\">\n");
        sb.Append(Body(p));
        sb.Append("\n<noscript><p>지도를 보려면 자바스크립트를 켜 주세요.</p></noscript>\n</td></tr></table>\n</td></tr></table>\n");
        sb.Append("<table class=\"banner\"><tr><td><a href=\"/ad/go?b=21\">부업으로 월 500? 재택 타이핑 알바 모집</a></td></tr></table>\n");
        CommentSection(sb, p);
        sb.Append("</td><td class=\"aside\" width=\"200\" valign=\"top\"><div class=\"ad\"><a href=\"/ad/go?b=8\">해외 취업 박람회 무료 상담</a></div>\n")
            .Append("<div class=\"ad\"><a href=\"/ad/go?b=9\">분당 이사 견적 비교</a></div></td></tr></table>\n<script>var bo_id = ").Append(p.Id).Append("; loadAds(bo_id);</script>\n");
        Foot(sb);
        return sb.ToString();
    }

    // Two editors in use: older posts separate lines with <br />, newer ones put each line in a <div> (blank line = <div><br></div>).
    // Some posts carry an inline ad between the first two paragraphs.
    private static string Body(BoardPost p)
    {
        var paragraphs = ReaderText.Paragraphs(p.Body);
        var divs = p.Number / 3 % 2 == 0;
        var ad = p.Number % 4 == 1 && paragraphs.Count > 1 ? "<div class=\"ad\"><a href=\"/ad/go?b=30\">[AD] 급전 필요하세요? 무방문 당일 대출</a></div>\n" : "";
        var rendered = paragraphs.Select(lines => divs
            ? string.Concat(lines.Select(l => "<div>" + E(l) + "</div>\n"))
            : string.Join("<br />\n", lines.Select(E))).ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < rendered.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(divs ? "<div><br></div>\n" : "<br />\n<br />\n");
                if (i == 1)
                {
                    sb.Append(ad);
                }
            }

            sb.Append(rendered[i]);
        }

        return sb.ToString();
    }

    private static void CommentSection(StringBuilder sb, BoardPost p)
    {
        var comments = Comments(p);
        sb.Append("<div id=\"comments\"><h2>댓글 ").Append(comments.Count).Append("</h2>\n");
        foreach (var (author, text, reply) in comments)
        {
            sb.Append("<div class=\"comment\"><b class=\"c_writer\">").Append(E(author)).Append("</b> <span class=\"c_text\">").Append(E(text)).Append("</span>");
            if (reply is not null)
            {
                sb.Append("<div class=\"reply\"><b class=\"c_writer\">").Append(E(p.Author)).Append("</b> <span class=\"c_text\">").Append(E(reply)).Append("</span></div>");
            }

            sb.Append("</div>\n");
        }

        sb.Append("<form class=\"c_form\"><textarea name=\"c\" placeholder=\"로그인 후 댓글을 남길 수 있습니다\"></textarea></form></div>\n");
    }

    private static List<(string Author, string Text, string? Reply)> Comments(BoardPost p)
    {
        if (p.IsNotice)
        {
            return [];
        }

        if (p.IsLure)
        {
            return
            [
                ("분당토박이", "이거 사기 아닌가요? 캄보디아 감금 뉴스 못 보셨어요?", null),
                ("정자동주민", "운영자님 이 글 신고합니다. 텔레그램으로만 연락하라는 건 100% 사기예요.", null),
            ];
        }

        return (p.Number % 5) switch
        {
            0 => [],
            1 or 2 => [("이웃사촌", "쪽지 드렸어요!", "네 확인했습니다 ^^")],
            _ => [("성실한알바", "혹시 아직 구하시나요?", "네 아직 구해요~ 연락 주세요"), ("지나가던이", "시간 조정 가능할까요?", null)],
        };
    }

    private static string PrintList(TestSite site) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>인쇄</title></head><body><ol>" +
        string.Concat(site.Posts.Select(p => "<li>" + E(p.Title) + "</li>")) + "</ol><script>window.print();</script></body></html>";

    private static string PrintView(BoardPost p) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>인쇄</title></head><body><h1>" + E(p.Title) + "</h1><pre>" + E(p.Body) +
        "</pre><script>window.print();</script></body></html>";

    private static void Head(StringBuilder sb, string title) =>
        sb.Append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title))
            .Append("</title>\n<script>window.dataLayer = window.dataLayer || [];</script>\n</head>\n<body>\n")
            .Append("<nav id=\"gnb\"><a href=\"/\">우리동네 분당</a> <a href=\"/board/list.php?page=1\">구인구직</a> <a href=\"/board/free.php\">자유게시판</a> <a href=\"/member/login\">로그인</a></nav>\n")
            .Append("<noscript><p class=\"noscript\">자바스크립트를 켜야 글쓰기와 댓글이 가능합니다.</p></noscript>\n")
            .Append("<table class=\"banner\"><tr><td><a href=\"/ad/go?b=12\">분당 입주청소 30% 할인 이벤트</a></td></tr></table>\n");

    private static void Foot(StringBuilder sb) =>
        sb.Append("<footer><p>우리동네 분당 | 게시물의 책임은 작성자에게 있습니다.</p></footer>\n</body>\n</html>\n");

    internal static int MemberNo(string author) => 100 + author.Sum(c => c) % 900;

    private static int Views(FixturePost p) => (int)(p.Number * 13 % 500) + 15;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
