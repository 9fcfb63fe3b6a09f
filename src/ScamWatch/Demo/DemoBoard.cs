using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScamWatch.Demo;

/// <summary>
/// The built-in demo job board "알바플러스": a small old-style Korean board (table list, paged, detail pages with ads,
/// a comment section and scripts around the post) served on loopback for the demo crawler.
/// </summary>
public sealed class DemoBoard
{
    public const int PageSize = 20;

    private volatile IReadOnlyList<DemoPost> _posts;

    public DemoBoard(IReadOnlyList<DemoPost> posts) => _posts = [.. posts.OrderByDescending(p => p.No)];

    public IReadOnlyList<DemoPost> Posts => _posts;

    /// <summary>Takes a post down (its page then answers 404), as a platform does after a takedown.</summary>
    public void Remove(int no) => _posts = [.. _posts.Where(p => p.No != no)];

    /// <summary>Replaces a post's body, as an author editing the post.</summary>
    public void Edit(int no, string body) => _posts = [.. _posts.Select(p => p.No == no ? p with { Body = body } : p)];

    public static IReadOnlyList<DemoPost> LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ScamWatch.Demo.demo-posts.jsonl")
            ?? throw new InvalidOperationException("demo posts resource missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var posts = new List<DemoPost>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                posts.Add(JsonSerializer.Deserialize<DemoPost>(line)!);
            }
        }

        return posts;
    }

    public static string SiteDefinitionJson(string boardUrl)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ScamWatch.Demo.demo-site.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("{board}", boardUrl.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    /// <summary>Starts the board on the given loopback URL (port 0 picks a free one); returns the running app (dispose to stop).</summary>
    public async Task<WebApplication> StartAsync(string url, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The review app owns Ctrl-C; the board stops when the demo command disposes it.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, QuietLifetime>();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /admin/\nCrawl-delay: 0\n", "text/plain"));
        app.MapGet("/", () => Results.Redirect("/jobs?page=1"));
        app.MapGet("/jobs", (int? page) => Html(ListPage(Math.Max(1, page ?? 1))));
        app.MapGet("/jobs/view", (int no) => Posts.FirstOrDefault(p => p.No == no) is { } post
            ? Html(DetailPage(post))
            : Results.Content("<html><body><p>삭제된 게시물입니다.</p></body></html>", "text/html; charset=utf-8", Encoding.UTF8, 404));
        await app.StartAsync(ct).ConfigureAwait(false);
        return app;
    }

    public string ListPage(int page)
    {
        var pages = (Posts.Count + PageSize - 1) / PageSize;
        var sb = new StringBuilder();
        Header(sb, "채용정보 - 알바플러스");
        sb.Append("<div class=\"ad-banner\"><a href=\"/ad?id=7\">★ 지금 가입하면 이력서 무료 열람 ★</a></div>");
        sb.Append("<table class=\"board-list\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><th>번호</th><th>분류</th><th>제목</th><th>지역</th><th>급여</th><th>등록일</th><th>조회</th></tr>");
        foreach (var p in Posts.Skip((page - 1) * PageSize).Take(PageSize))
        {
            sb.Append("<tr><td class=\"no\">").Append(p.No).Append("</td><td>").Append(E(p.Category)).Append("</td><td class=\"subject\"><a href=\"/jobs/view?no=")
                .Append(p.No).Append("\">").Append(E(p.Title)).Append("</a></td><td>").Append(E(p.Region)).Append("</td><td>").Append(E(p.Pay))
                .Append("</td><td>").Append(E(p.PostedAt)).Append("</td><td>").Append(p.Views).Append("</td></tr>");
        }

        sb.Append("</table><div class=\"paging\">");
        for (var i = 1; i <= pages; i++)
        {
            sb.Append(i == page ? $"<b>{i}</b> " : $"<a href=\"/jobs?page={i}\">{i}</a> ");
        }

        if (page < pages)
        {
            sb.Append("<a class=\"next\" href=\"/jobs?page=").Append(page + 1).Append("\">다음 ▶</a>");
        }

        sb.Append("</div>");
        Footer(sb);
        return sb.ToString();
    }

    public static string DetailPage(DemoPost p)
    {
        var sb = new StringBuilder();
        Header(sb, p.Title + " - 알바플러스");
        sb.Append("<div class=\"view-head\"><span class=\"cate\">[").Append(E(p.Category)).Append("]</span><h2 class=\"subject\">").Append(E(p.Title))
            .Append("</h2><span class=\"writer\">").Append(E(p.Author)).Append("</span> <span class=\"hit\">조회 ").Append(p.Views).Append("</span></div>");
        sb.Append("<dl class=\"info\"><dt>회사명</dt><dd class=\"company\">").Append(E(p.Company)).Append("</dd><dt>근무지역</dt><dd class=\"region\">")
            .Append(E(p.Region)).Append("</dd><dt>급여</dt><dd class=\"pay\">").Append(E(p.Pay)).Append("</dd><dt>고용형태</dt><dd class=\"type\">")
            .Append(E(p.EmploymentType)).Append("</dd><dt>연락처</dt><dd class=\"contact\">").Append(E(p.Contact)).Append("</dd><dt>등록일</dt><dd class=\"date\">")
            .Append(E(p.PostedAt)).Append("</dd></dl>");
        sb.Append("<div class=\"ad-banner\">광고 · 급전 필요하세요? 무직자 대출 상담 1588-0000</div>");
        sb.Append("<div class=\"view-content\">").Append(E(p.Body).Replace("\n", "<br>\n", StringComparison.Ordinal))
            .Append("<script>var _v=").Append(p.No).Append(";</script></div>");
        sb.Append("<div class=\"comments\"><h3>댓글 2</h3><ul><li><b>지나가던사람</b> 연락해봤는데 답이 없네요</li><li><b>알바생</b> 혹시 아직 구하시나요?</li></ul></div>");
        sb.Append("<div class=\"related\"><h3>이 회사의 다른 공고</h3><a href=\"/jobs?page=1\">목록</a></div>");
        Footer(sb);
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string title)
    {
        sb.Append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title></head><body><nav class=\"gnb\"><a href=\"/\">알바플러스</a> | <a href=\"/jobs?page=1\">채용정보</a> | <a href=\"/login\">로그인</a></nav>");
    }

    private static void Footer(StringBuilder sb) =>
        sb.Append("<div class=\"footer\">알바플러스 | 데모용 가상 사이트 | 게시물의 모든 이름과 연락처는 가상입니다.</div></body></html>");

    private sealed class QuietLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
