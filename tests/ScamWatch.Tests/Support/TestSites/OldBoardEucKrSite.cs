using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// "알바마당", an old part-time board: CP949 bytes served as <c>text/html</c> with the charset only in a meta tag, table
/// layout, <c>list.php?page=N</c> with page links and no "next" link, <c>view.php?no=N</c> with the post in nested
/// tables, font tags, &lt;br&gt; line breaks, a sidebar of ads and scripts. No robots.txt (404).
/// </summary>
internal sealed class OldBoardEucKrSite : SiteFlavor
{
    public const int PageSize = 15;

    /// <summary>Strict CP949: a character the code page cannot hold fails loudly instead of becoming '?'.</summary>
    public static readonly Encoding Cp949 = CreateCp949();

    private const string ContentType = "text/html";

    public override string Name => "test-oldboard";

    public override IEnumerable<FixturePost> Seed() => OldBoardEucKrPosts.All;

    public override void Map(WebApplication app, TestSite site)
    {
        app.MapGet("/", () => Results.Redirect("/list.php?page=1"));
        app.MapGet("/list.php", (HttpContext context) =>
        {
            var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
            return HttpDocument.WriteBytesAsync(context, Cp949.GetBytes(ListPage(site, page)), ContentType);
        });
        app.MapGet("/view.php", (HttpContext context) =>
            site.ServeDetailAsync(context, context.Request.Query["no"].ToString(), p => Cp949.GetBytes(DetailPage((BoardPost)p)), ContentType));
    }

    public override bool IsListRequest(HttpRequest request) => request.Path == "/list.php";

    public override bool IsDetailRequest(HttpRequest request) => request.Path == "/view.php" && !FaultIds.IsFault(request.Query["no"]);

    public override string DetailPath(string id) => "/view.php?no=" + id;

    public override ExpectedPost ToExpected(FixturePost post, string baseUrl)
    {
        var p = (BoardPost)post;
        return new ExpectedPost(p.Id, baseUrl + "view.php?no=" + p.Id, ReaderText.Tidy(p.Title), p.Body, NullIfBlank(p.Company),
            NullIfBlank(p.Location), NullIfBlank(p.Salary), NullIfBlank(p.Contact), p.PostedAt, p.IsLure);
    }

    public override string DefinitionJson(string baseUrl) =>
        $$"""
        {
          "name": "{{Name}}",
          "kind": "html",
          "enabled": true,
          "baseUrl": "{{baseUrl}}",
          "startUrls": ["/list.php?page={page}"],
          "list": { "linkSelector": "table.list_table td.subject a", "maxPages": 5 },
          "detail": {
            "title": "td.view_subject",
            "body": "td.view_content",
            "company": "td.f_company",
            "location": "td.f_area",
            "salary": "td.f_pay",
            "contact": "td.f_tel",
            "postedAt": "td.f_date",
            "exclude": ["script", "style", "noscript", "td.side_ad", "div.ad_box"]
          },
          "postIdPattern": "[?&]no=(\\d+)",
          "removalMarkers": [],
          "politeness": { "minDelayMs": 50, "maxConcurrency": 2 }
        }
        """;

    private static string ListPage(TestSite site, int page)
    {
        var posts = site.Posts.Cast<BoardPost>().ToList();
        var notices = posts.Where(p => p.IsNotice).ToList();
        var regular = posts.Where(p => !p.IsNotice).ToList();
        var pages = Math.Max(1, (regular.Count + PageSize - 1) / PageSize);
        var sb = new StringBuilder();
        Head(sb, "알바마당 - 구인정보");
        sb.Append("<table width=\"980\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\">\r\n<tr><td colspan=\"2\" height=\"80\"><a href=\"/\"><img src=\"/img/logo.gif\" border=\"0\" alt=\"알바마당\"></a></td></tr>\r\n<tr>\r\n");
        SideAds(sb, site.CalendarTrap);
        sb.Append("<td width=\"800\" valign=\"top\">\r\n<table width=\"100%\" class=\"list_table\" border=\"0\" cellspacing=\"1\" cellpadding=\"3\" bgcolor=\"#CCCCCC\">\r\n");
        sb.Append("<tr bgcolor=\"#F0F0F0\" align=\"center\"><td width=\"50\">번호</td><td>제목</td><td width=\"110\">지역</td><td width=\"110\">급여</td><td width=\"60\">등록일</td><td width=\"45\">조회</td></tr>\r\n");
        foreach (var notice in notices)
        {
            Row(sb, "<b>공지</b>", notice.Id, "<b>" + E(notice.Title) + "</b>", "-", "-", notice.PostedAt, Views(notice), "#FFF8E0");
        }

        if (page == 1)
        {
            foreach (var id in site.ListedFaultIds)
            {
                Row(sb, id, id, E(FaultTitle(id)), "부산 전지역", "일급 15만원", "2026-11-24", 3, "#FFFFFF");
            }
        }

        var onPage = regular.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        foreach (var p in onPage)
        {
            var title = E(p.Title) + (p.IsLure ? " <img src=\"/img/icon_hot.gif\" align=\"absmiddle\">" : "");
            Row(sb, p.Id, p.Id, title, E(p.Location ?? "-"), E(p.Salary ?? "-"), p.PostedAt, Views(p), "#FFFFFF");
        }

        if (onPage.Count == 0)
        {
            sb.Append("<tr bgcolor=\"#FFFFFF\"><td colspan=\"6\" align=\"center\" height=\"100\">등록된 글이 없습니다.</td></tr>\r\n");
        }

        sb.Append("</table>\r\n<table width=\"100%\"><tr><td align=\"center\" class=\"paging\">");
        for (var i = 1; i <= pages; i++)
        {
            sb.Append(i == page ? $"<font color=\"red\"><b>[{i}]</b></font> " : $"<a href=\"list.php?page={i}\">[{i}]</a> ");
        }

        sb.Append("</td></tr></table>\r\n</td></tr></table>\r\n<script language=\"JavaScript\">document.write('<img src=\"/counter.php?p=list\" width=1 height=1>');</script>\r\n</body></html>\r\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string no, string id, string titleHtml, string area, string pay, string date, int views, string color) =>
        sb.Append("<tr bgcolor=\"").Append(color).Append("\"><td align=\"center\">").Append(no).Append("</td><td class=\"subject\"><a href=\"view.php?no=")
            .Append(id).Append("\">").Append(titleHtml).Append("</a></td><td align=\"center\">").Append(area).Append("</td><td align=\"center\">")
            .Append(pay).Append("</td><td align=\"center\">").Append(date[5..]).Append("</td><td align=\"center\">").Append(views).Append("</td></tr>\r\n");

    private static string DetailPage(BoardPost p)
    {
        var sb = new StringBuilder();
        Head(sb, p.Title + " - 알바마당");
        sb.Append("<table width=\"980\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\">\r\n<tr><td colspan=\"2\" height=\"80\"><a href=\"/\"><img src=\"/img/logo.gif\" border=\"0\" alt=\"알바마당\"></a></td></tr>\r\n<tr>\r\n");
        SideAds(sb, calendar: false);
        sb.Append("<td width=\"800\" valign=\"top\">\r\n<table width=\"100%\" class=\"view_table\" border=\"0\" cellpadding=\"5\" cellspacing=\"1\" bgcolor=\"#DDDDDD\">\r\n");
        sb.Append("<tr bgcolor=\"#FFFFFF\"><td class=\"view_subject\" colspan=\"2\"><font size=\"3\" color=\"#333333\"><b>").Append(E(p.Title)).Append("</b></font></td></tr>\r\n");
        Field(sb, "업체명", "f_company", p.Company);
        Field(sb, "근무지", "f_area", p.Location);
        Field(sb, "급여", "f_pay", p.Salary);
        Field(sb, "연락처", "f_tel", p.Contact);
        Field(sb, "등록일", "f_date", p.PostedAt);
        sb.Append("<tr bgcolor=\"#FFFFFF\"><td colspan=\"2\">\r\n<div class=\"ad_box\"><a href=\"/ad/click.php?id=9\"><font color=\"#0000CC\">[광고] 하루 1시간 해외 고수익 부업, 초보 가능 - 상담 클릭</font></a></div>\r\n");
        sb.Append("<table width=\"100%\" border=\"0\" cellpadding=\"10\" cellspacing=\"0\"><tr><td class=\"view_content\" valign=\"top\">\r\n<font size=\"2\" face=\"굴림\" color=\"#222222\">\r\n");
        sb.Append(string.Join("<br>\r\n", p.Body.Split('\n').Select(Line)));
        sb.Append("\r\n</font>\r\n</td></tr></table>\r\n</td></tr>\r\n</table>\r\n");
        sb.Append("<table width=\"100%\"><tr><td align=\"right\"><a href=\"list.php?page=1\"><img src=\"/img/btn_list.gif\" alt=\"목록\" border=\"0\"></a></td></tr></table>\r\n</td></tr></table>\r\n");
        sb.Append("<script language=\"JavaScript\">var no = ").Append(p.Id).Append("; document.write('<img src=\"/counter.php?no=' + no + '\" width=1 height=1>');</script>\r\n</body></html>\r\n");
        return sb.ToString();
    }

    // Old editors: bold bullets, &nbsp; indents, doubled spaces around colons; none of it changes the text a reader sees.
    private static string Line(string line)
    {
        var html = E(line).Replace(" : ", "  :  ", StringComparison.Ordinal);
        if (line.StartsWith('■') || line.StartsWith('★') || line.StartsWith('※'))
        {
            return "<b>" + html + "</b>";
        }

        return line.StartsWith("- ", StringComparison.Ordinal) ? "&nbsp;&nbsp;" + html : html;
    }

    private static void Field(StringBuilder sb, string label, string cls, string? value)
    {
        if (value is not null)
        {
            sb.Append("<tr bgcolor=\"#FFFFFF\"><td class=\"label\" width=\"100\" bgcolor=\"#F7F7F7\">").Append(label).Append("</td><td class=\"")
                .Append(cls).Append("\">&nbsp;").Append(E(value)).Append("</td></tr>\r\n");
        }
    }

    private static void Head(StringBuilder sb, string title) =>
        sb.Append("<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">\r\n<title>").Append(E(title))
            .Append("</title>\r\n<link rel=\"stylesheet\" href=\"/style.css\" type=\"text/css\">\r\n<script language=\"JavaScript\">\r\n<!--\r\nfunction MM_openBrWindow(theURL,winName,features) { window.open(theURL,winName,features); }\r\n//-->\r\n</script>\r\n</head>\r\n<body bgcolor=\"#FFFFFF\" leftmargin=\"0\" topmargin=\"0\">\r\n");

    private static void SideAds(StringBuilder sb, bool calendar)
    {
        sb.Append("<td width=\"180\" valign=\"top\" class=\"side_ad\">\r\n<table width=\"170\" border=\"0\" cellpadding=\"2\"><tr><td><a href=\"/ad/click.php?id=3\"><font color=\"red\"><b>★ 무직자 대출 당일 승인 ★</b></font></a></td></tr>\r\n")
            .Append("<tr><td><a href=\"/ad/click.php?id=4\">집에서 하는 부업 월 300 가능</a></td></tr>\r\n<tr><td><a href=\"/ad/click.php?id=5\">알바마당 모바일 앱 출시!</a></td></tr>\r\n");
        if (calendar)
        {
            sb.Append("<tr><td><a class=\"calendar\" href=\"/calendar?month=1\">이달의 채용박람회 달력</a></td></tr>\r\n");
        }

        sb.Append("</table>\r\n</td>\r\n");
    }

    private static string FaultTitle(string id) => id switch
    {
        FaultIds.Huge => "[급구] 연말 단기 알바 대량 모집 (상세 요강 첨부)",
        FaultIds.Gzip => "편의점 오전 알바 구합니다",
        _ => "고깃집 홀서빙 구해요 (주말)",
    };

    private static int Views(FixturePost p) => (int)(p.Number * 37 % 900) + 20;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static Encoding CreateCp949()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
