using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// "잡링크", a job app's JSON API: <c>/api/v1/jobs?cursor=X&amp;limit=10</c> answers
/// <c>{"data":{"items":[...],"next_cursor":"..."}}</c> (null at the end); <c>/api/v2/jobs?page=N</c> answers
/// <c>{"items":[...],"total_pages":N}</c>. Items nest company, content, pay. Each job also has an HTML page at
/// <c>/jobs/{id}</c> and a JSON one at <c>/api/v1/jobs/{id}</c>. Fault URLs are reached through the cursor chain
/// (the last page's <c>next_cursor</c>) and as the page after the last on v2.
/// </summary>
internal sealed class JsonApiSite(bool paged) : SiteFlavor
{
    public const int PageSize = 10;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private TestSite? _site;

    public override string Name => paged ? "test-api-paged" : "test-api";

    public override IEnumerable<FixturePost> Seed() => JsonApiPosts.All;

    public override void Map(WebApplication app, TestSite site)
    {
        _site = site;
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /admin/\n", "text/plain; charset=utf-8"));
        app.MapGet("/api/v1/jobs", (HttpContext context) => CursorPageAsync(context, site));
        app.MapGet("/api/v2/jobs", (HttpContext context) => NumberedPageAsync(context, site));
        app.MapGet("/api/v1/jobs/{id}", (HttpContext context, string id) => site.Find(id) is ApiJob job
            ? HttpDocument.WriteAsync(context, Json(w => { w.WriteStartObject(); w.WritePropertyName("data"); Item(w, job); w.WriteEndObject(); }), "application/json; charset=utf-8", job.LastModified)
            : Error(context, StatusCodes.Status404NotFound, "not_found"));
        app.MapGet("/jobs/{id}", (HttpContext context, string id) =>
            site.ServeDetailAsync(context, id, p => Encoding.UTF8.GetBytes(JobPage((ApiJob)p)), HttpDocument.Html));
    }

    public override bool IsListRequest(HttpRequest request) => request.Path == "/api/v1/jobs" || request.Path == "/api/v2/jobs";

    // An API crawler fetches pages, not posts: the per-document faults (503, slowness) hit the API pages here.
    public override bool IsDetailRequest(HttpRequest request)
    {
        if (request.Path == "/api/v1/jobs")
        {
            return !request.Query["cursor"].ToString().StartsWith("x-", StringComparison.Ordinal);
        }

        if (request.Path == "/api/v2/jobs")
        {
            return !(int.TryParse(request.Query["page"], out var page) && page == RealPages(_site!) + 1 && TailFault(_site!) is not null);
        }

        return request.Path.StartsWithSegments("/jobs") || request.Path.StartsWithSegments("/api/v1/jobs");
    }

    public override string DetailPath(string id) => "/jobs/" + id;

    public override string FaultPath(string faultId) => "/api/v1/jobs?cursor=x-" + faultId + "&limit=" + PageSize;

    public override ExpectedPost ToExpected(FixturePost post, string baseUrl)
    {
        var j = (ApiJob)post;
        return new ExpectedPost(j.Id, baseUrl + "jobs/" + j.Id, j.Title, j.Body, j.Company, j.Region, j.PayAmount?.ToString(CultureInfo.InvariantCulture),
            j.Contact, j.PostedAt, j.IsLure);
    }

    public override string DefinitionJson(string baseUrl)
    {
        var list = paged
            ? "\"listUrl\": \"/api/v2/jobs?page={page}\",\n    \"itemsPath\": \"items\",\n    \"totalPagesPath\": \"total_pages\","
            : "\"listUrl\": \"/api/v1/jobs?cursor={cursor}&limit=10\",\n    \"itemsPath\": \"data.items\",\n    \"nextCursorPath\": \"data.next_cursor\",";
        return $$"""
            {
              "name": "{{Name}}",
              "kind": "api",
              "enabled": true,
              "baseUrl": "{{baseUrl}}",
              "api": {
                {{list}}
                "fields": {
                  "id": "id",
                  "title": "title",
                  "body": "content.text",
                  "company": "company.name",
                  "location": "region",
                  "salary": "pay.amount",
                  "contact": "contact",
                  "postedAt": "created_at",
                  "url": "url"
                },
                "maxPages": 50
              },
              "removalMarkers": [],
              "politeness": { "minDelayMs": 50, "maxConcurrency": 1 }
            }
            """;
    }

    private async Task CursorPageAsync(HttpContext context, TestSite site)
    {
        var cursor = context.Request.Query["cursor"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 50) : PageSize;
        if (cursor.StartsWith("x-", StringComparison.Ordinal))
        {
            if (!await site.TryServeFaultAsync(context, cursor[2..], json: true))
            {
                await Error(context, StatusCodes.Status400BadRequest, "invalid_cursor");
            }

            return;
        }

        if (cursor.StartsWith("cal-", StringComparison.Ordinal) && int.TryParse(cursor[4..], out var n))
        {
            await WritePageAsync(context, [], "cal-" + (n + 1).ToString(CultureInfo.InvariantCulture), envelope: true);
            return;
        }

        long? after = null;
        if (cursor.Length > 0)
        {
            if (!TryDecode(cursor, out var id))
            {
                await Error(context, StatusCodes.Status400BadRequest, "invalid_cursor");
                return;
            }

            after = id;
        }

        var rest = site.Posts.Cast<ApiJob>().Where(j => after is null || j.Number < after).ToList();
        var items = rest.Take(limit).ToList();
        var next = rest.Count > items.Count ? Encode(items[^1].Number) : TailCursor(site);
        await WritePageAsync(context, items, next, envelope: true);
    }

    private async Task NumberedPageAsync(HttpContext context, TestSite site)
    {
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var real = RealPages(site);
        var fault = TailFault(site);
        if (page == real + 1 && fault is not null)
        {
            await site.TryServeFaultAsync(context, fault, json: true);
            return;
        }

        var items = site.Posts.Cast<ApiJob>().Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var total = site.CalendarTrap ? 1_000_000 : real + (fault is null ? 0 : 1);
        await WritePageAsync(context, items, null, envelope: false, total);
    }

    private static Task WritePageAsync(HttpContext context, IReadOnlyList<ApiJob> items, string? next, bool envelope, int totalPages = 0)
    {
        var body = Json(w =>
        {
            w.WriteStartObject();
            if (envelope)
            {
                w.WriteStartObject("data");
            }

            w.WriteStartArray("items");
            foreach (var item in items)
            {
                Item(w, item);
            }

            w.WriteEndArray();
            if (envelope)
            {
                w.WriteString("next_cursor", next);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNumber("total_pages", totalPages);
                w.WriteNumber("page_size", PageSize);
            }

            w.WriteEndObject();
        });
        var modified = items.Count > 0 ? items.Max(i => i.LastModified) : new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        return HttpDocument.WriteAsync(context, body, "application/json; charset=utf-8", modified);
    }

    private static void Item(Utf8JsonWriter w, ApiJob j)
    {
        w.WriteStartObject();
        w.WriteNumber("id", j.Number);
        w.WriteString("title", j.Title);
        if (j.Company is null)
        {
            w.WriteNull("company");
        }
        else
        {
            w.WriteStartObject("company");
            w.WriteString("name", j.Company);
            w.WriteBoolean("verified", !j.IsLure);
            w.WriteEndObject();
        }

        w.WriteStartObject("content");
        w.WriteString("text", j.Body);
        w.WriteString("html", Html(j.Body));
        w.WriteEndObject();
        if (j.PayAmount is { } amount)
        {
            w.WriteStartObject("pay");
            w.WriteNumber("amount", amount);
            w.WriteString("unit", j.PayUnit);
            w.WriteString("currency", "KRW");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("pay");
        }

        w.WriteString("region", j.Region);
        w.WriteString("contact", j.Contact);
        w.WriteString("created_at", j.PostedAt);
        w.WriteString("url", "/jobs/" + j.Id);
        w.WriteEndObject();
    }

    private static string JobPage(ApiJob j) =>
        $"""
        <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{E(j.Title)} - 잡링크</title></head><body>
        <header><a href="/">잡링크</a></header>
        <main><h1 class="title">{E(j.Title)}</h1><p class="company">{E(j.Company ?? "개인")}</p><p class="region">{E(j.Region)}</p>
        <div class="content">{Html(j.Body)}</div></main>
        <footer>앱에서 지원하기</footer></body></html>
        """;

    private static string Html(string text) =>
        string.Concat(ReaderText.Paragraphs(text).Select(lines => "<p>" + string.Join("<br>", lines.Select(E)) + "</p>"));

    private static int RealPages(TestSite site) => Math.Max(1, (site.Posts.Count + PageSize - 1) / PageSize);

    private static string? TailFault(TestSite site) => site.ListedFaultIds is [var first, ..] ? first : null;

    private static string? TailCursor(TestSite site) =>
        TailFault(site) is { } fault ? "x-" + fault : site.CalendarTrap ? "cal-1" : null;

    private static string Encode(long afterId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"after\":" + afterId.ToString(CultureInfo.InvariantCulture) + "}"));

    private static bool TryDecode(string cursor, out long afterId)
    {
        afterId = 0;
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            return doc.RootElement.TryGetProperty("after", out var after) && after.TryGetInt64(out afterId);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Writer))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static Task Error(HttpContext context, int status, string code) =>
        HttpDocument.WriteBytesAsync(context, Encoding.UTF8.GetBytes("{\"error\":\"" + code + "\"}"), "application/json; charset=utf-8", status);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
