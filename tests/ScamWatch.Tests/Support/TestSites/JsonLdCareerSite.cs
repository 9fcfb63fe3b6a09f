using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// "커리어웨이", a modern career site: <c>/sitemap.xml</c> is a sitemap index over <c>/sitemaps/jobs-1.xml</c> and
/// <c>/sitemaps/jobs-2.xml</c>; <c>/jobs/{id}</c> pages carry a schema.org JobPosting in JSON-LD, placed four ways
/// (plain object, inside <c>@graph</c>, in a top-level array, second of two blocks); an HTML list at <c>/jobs?page=N</c>.
/// JSON-LD is the truth; the visible HTML differs a little (title prefix, company without "(주)", Korean salary text).
/// </summary>
internal sealed class JsonLdCareerSite : SiteFlavor
{
    public const int PageSize = 12;

    public override string Name => "test-career";

    public override IEnumerable<FixturePost> Seed() => JsonLdCareerPosts.All;

    public override void Map(WebApplication app, TestSite site)
    {
        app.MapGet("/robots.txt", (HttpContext context) => HttpDocument.WriteTextAsync(context,
            $"User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /api/\n\nSitemap: {site.BaseUrl}sitemap.xml\n", "text/plain; charset=utf-8"));
        app.MapGet("/", (HttpContext context) => HttpDocument.WriteTextAsync(context,
            "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>커리어웨이</title></head><body><a href=\"/jobs?page=1\">채용공고 전체 보기</a></body></html>"));
        app.MapGet("/sitemap.xml", (HttpContext context) => Xml(context, SitemapIndex(site)));
        app.MapGet("/sitemaps/jobs-{n:int}.xml", (HttpContext context, int n) =>
            n is 1 or 2 ? Xml(context, Sitemap(site, n)) : HttpDocument.WriteTextAsync(context, "not found", "text/plain", StatusCodes.Status404NotFound));
        app.MapGet("/jobs", (HttpContext context) =>
        {
            var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
            return HttpDocument.WriteTextAsync(context, ListPage(site, page));
        });
        app.MapGet("/jobs/{id}", (HttpContext context, string id) =>
            site.ServeDetailAsync(context, id, p => Encoding.UTF8.GetBytes(DetailPage((CareerPost)p, site)), HttpDocument.Html));
        app.MapGet("/companies/{slug}", (HttpContext context, string slug) => HttpDocument.WriteTextAsync(context,
            $"<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>기업 정보</title></head><body><h1>기업 정보</h1><p>{WebUtility.HtmlEncode(slug)}</p></body></html>"));
    }

    public override bool IsListRequest(HttpRequest request) =>
        request.Path == "/sitemap.xml" || request.Path.StartsWithSegments("/sitemaps") || request.Path == "/jobs";

    public override bool IsDetailRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/jobs", out var rest) && rest.Value is { Length: > 1 } id && id[1..].All(char.IsAsciiDigit) && !FaultIds.IsFault(id[1..]);

    public override string DetailPath(string id) => "/jobs/" + id;

    public override ExpectedPost ToExpected(FixturePost post, string baseUrl)
    {
        var p = (CareerPost)post;
        return new ExpectedPost(p.Id, baseUrl + "jobs/" + p.Id, ReaderText.Tidy(p.Title), ReaderBody(p.Body), p.Company, Location(p), Salary(p),
            p.ContactEmail ?? p.ContactPhone ?? p.ContactUrl, p.PostedAt, p.IsLure);
    }

    public override string DefinitionJson(string baseUrl) =>
        $$"""
        {
          "name": "{{Name}}",
          "kind": "jsonld",
          "enabled": true,
          "baseUrl": "{{baseUrl}}",
          "sitemaps": ["/sitemap.xml"],
          "detailUrlPattern": "/jobs/\\d+",
          "postIdPattern": "/jobs/(\\d+)",
          "removalMarkers": [],
          "politeness": { "minDelayMs": 50, "maxConcurrency": 2 }
        }
        """;

    /// <summary>Lines of a "* " paragraph become &lt;li&gt; items, so the reader sees them without the marker.</summary>
    internal static string ReaderBody(string body) =>
        string.Join("\n\n", ReaderText.Paragraphs(body).Select(lines => string.Join('\n', IsList(lines) ? lines.Select(l => l[2..]) : lines)));

    internal static string DescriptionHtml(string body) =>
        string.Concat(ReaderText.Paragraphs(body).Select(lines => IsList(lines)
            ? "<ul>" + string.Concat(lines.Select(l => "<li>" + E(l[2..]) + "</li>")) + "</ul>"
            : "<p>" + string.Join("<br>", lines.Select(E)) + "</p>"));

    private static bool IsList(string[] lines) => lines.All(l => l.StartsWith("* ", StringComparison.Ordinal));

    private static string? Location(CareerPost p) => (p.Locality, p.Country) switch
    {
        ({ } l, { } c) => l + ", " + c,
        ({ } l, null) => l,
        (null, { } c) => c,
        _ => null,
    };

    private static string? Salary(CareerPost p)
    {
        var amount = p.SalaryValue is { } v ? N(v) : p.SalaryMin is { } min && p.SalaryMax is { } max ? N(min) + "-" + N(max) : null;
        return amount is null ? null : $"{amount} {p.Currency}/{p.SalaryUnit}";
    }

    private static string SitemapIndex(TestSite site)
    {
        var (first, second) = Halves(site);
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var (n, posts) in new[] { (1, first), (2, second) })
        {
            sb.Append("  <sitemap>\n    <loc>").Append(site.BaseUrl).Append("sitemaps/jobs-").Append(n).Append(".xml</loc>\n");
            if (posts.Count > 0)
            {
                sb.Append("    <lastmod>").Append(W3C(posts.Max(p => p.LastModified))).Append("</lastmod>\n");
            }

            sb.Append("  </sitemap>\n");
        }

        return sb.Append("</sitemapindex>\n").ToString();
    }

    private static string Sitemap(TestSite site, int n)
    {
        var (first, second) = Halves(site);
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var p in n == 1 ? first : second)
        {
            sb.Append("  <url>\n    <loc>").Append(site.BaseUrl).Append("jobs/").Append(p.Id).Append("</loc>\n    <lastmod>").Append(W3C(p.LastModified))
                .Append("</lastmod>\n    <changefreq>daily</changefreq>\n  </url>\n");
        }

        if (n == 2)
        {
            foreach (var id in site.ListedFaultIds)
            {
                sb.Append("  <url>\n    <loc>").Append(site.BaseUrl).Append("jobs/").Append(id).Append("</loc>\n    <lastmod>2026-11-24T09:00:00+09:00</lastmod>\n  </url>\n");
            }

            foreach (var company in second.Take(3).Select(p => p.Company))
            {
                sb.Append("  <url>\n    <loc>").Append(site.BaseUrl).Append("companies/").Append(Slug(company)).Append("</loc>\n  </url>\n");
            }
        }

        return sb.Append("</urlset>\n").ToString();
    }

    private static (List<CareerPost> First, List<CareerPost> Second) Halves(TestSite site)
    {
        var posts = site.Posts.Cast<CareerPost>().ToList();
        var half = (posts.Count + 1) / 2;
        return (posts.Take(half).ToList(), posts.Skip(half).ToList());
    }

    private static string ListPage(TestSite site, int page)
    {
        var posts = site.Posts.Cast<CareerPost>().ToList();
        var pages = Math.Max(1, (posts.Count + PageSize - 1) / PageSize);
        var sb = new StringBuilder();
        Header(sb, "채용공고 - 커리어웨이");
        sb.Append("<main><h1>최신 채용공고</h1>\n<ul class=\"job-list\">\n");
        if (page == 1)
        {
            foreach (var id in site.ListedFaultIds)
            {
                sb.Append("<li class=\"job-card\"><a class=\"job-link\" href=\"/jobs/").Append(id).Append("\">신입 사원 대규모 채용</a></li>\n");
            }
        }

        foreach (var p in posts.Skip((page - 1) * PageSize).Take(PageSize))
        {
            sb.Append("<li class=\"job-card\"><a class=\"job-link\" href=\"/jobs/").Append(p.Id).Append("\">").Append(E(VisibleTitle(p))).Append("</a> <span class=\"company\">")
                .Append(E(VisibleCompany(p))).Append("</span> <span class=\"loc\">").Append(E(p.Locality ?? "")).Append("</span></li>\n");
        }

        sb.Append("</ul>\n<nav class=\"pagination\">");
        for (var i = 1; i <= pages; i++)
        {
            sb.Append(i == page ? $"<span class=\"current\">{i}</span> " : $"<a href=\"/jobs?page={i}\">{i}</a> ");
        }

        if (page < pages)
        {
            sb.Append("<a class=\"next\" href=\"/jobs?page=").Append(page + 1).Append("\">다음 →</a>");
        }
        else if (site.CalendarTrap)
        {
            sb.Append("<a class=\"next\" href=\"/calendar?month=1\">다음 →</a>");
        }

        sb.Append("</nav>\n");
        if (site.CalendarTrap)
        {
            sb.Append("<aside><a class=\"calendar\" href=\"/calendar?month=1\">채용 행사 달력</a></aside>\n");
        }

        sb.Append("</main>\n");
        Footer(sb, "");
        return sb.ToString();
    }

    private static string DetailPage(CareerPost p, TestSite site)
    {
        var (head, tail) = JobPostingLd.Scripts(p, site.BaseUrl);

        var sb = new StringBuilder();
        Header(sb, VisibleTitle(p) + " - 커리어웨이", head);
        sb.Append("<main class=\"job\">\n<div class=\"job-head\"><span class=\"badge\">").Append(p.EmploymentType == "FULL_TIME" ? "정규직" : "계약/파트").Append("</span>\n<h1 class=\"job-title\">")
            .Append(E(VisibleTitle(p))).Append("</h1>\n<a class=\"company\" href=\"/companies/").Append(Slug(p.Company)).Append("\">").Append(E(VisibleCompany(p))).Append("</a></div>\n");
        sb.Append("<dl class=\"job-summary\"><dt>근무지</dt><dd>").Append(E(p.Locality ?? "협의")).Append("</dd><dt>급여</dt><dd>").Append(E(SalaryText(p)))
            .Append("</dd><dt>등록일</dt><dd>").Append(p.PostedAt[..10].Replace('-', '.')).Append("</dd></dl>\n");
        sb.Append("<section class=\"job-description\">").Append(DescriptionHtml(p.Body)).Append("</section>\n");
        sb.Append("<section class=\"apply-guide\"><h2>지원 방법</h2><p>커리어웨이 간편지원 또는 기업 안내에 따라 지원해 주세요.</p><p>채용 과정에서 금전을 요구하는 경우 즉시 신고해 주세요.</p></section>\n</main>\n");
        sb.Append("<aside class=\"recommend\"><h2>추천 공고</h2><ul>");
        foreach (var other in site.Posts.Where(o => o.Id != p.Id).Take(3))
        {
            sb.Append("<li><a href=\"/jobs/").Append(other.Id).Append("\">").Append(E(other.Title)).Append("</a></li>");
        }

        sb.Append("</ul></aside>\n");
        Footer(sb, tail);
        return sb.ToString();
    }

    private static string VisibleTitle(CareerPost p) => p.Number / 3 % 3 == 0 ? $"[{VisibleCompany(p)}] {p.Title}" : p.Title;

    private static string VisibleCompany(CareerPost p) => p.Company.Replace("(주)", "", StringComparison.Ordinal).Trim();

    private static string SalaryText(CareerPost p)
    {
        if (p.Currency != "KRW")
        {
            return p.SalaryValue is { } fv ? $"월 {N0(fv)} {p.Currency}" : "협의";
        }

        var unit = p.SalaryUnit switch { "YEAR" => "연봉", "HOUR" => "시급", _ => "월" };
        string Won(long x) => p.SalaryUnit == "HOUR" ? N0(x) + "원" : N0(x / 10_000) + "만원";
        return p.SalaryValue is { } v ? $"{unit} {Won(v)}" : p.SalaryMin is { } min && p.SalaryMax is { } max ? $"{unit} {Won(min)} ~ {Won(max)}" : "회사 내규에 따름";
    }

    private static void Header(StringBuilder sb, string title, string headExtra = "") =>
        sb.Append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(title)).Append("</title>\n").Append(headExtra).Append("</head>\n<body>\n<header class=\"gnb\"><a class=\"logo\" href=\"/\">커리어웨이</a>")
            .Append("<nav><a href=\"/jobs?page=1\">채용공고</a> <a href=\"/search\">검색</a> <a href=\"/login\">로그인</a></nav></header>\n");

    private static void Footer(StringBuilder sb, string bodyTail) =>
        sb.Append("<footer><p>© 커리어웨이 | 개인정보처리방침 | 고객센터 1588-0000</p></footer>\n").Append(bodyTail).Append("</body>\n</html>\n");

    private static Task Xml(HttpContext context, string xml) => HttpDocument.WriteTextAsync(context, xml, "application/xml; charset=utf-8");

    private static string W3C(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static string Slug(string company) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(company)).AsSpan(0, 4));

    private static string N(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string N0(long x) => x.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
