using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>The hostile responses behind the fault switches: an endless-looking page, a gzip bomb, a redirect loop, a calendar trap.</summary>
internal static class FaultResponses
{
    /// <summary>What the gzip bomb inflates to.</summary>
    public const long GzipBombInflatedBytes = 100L * 1024 * 1024;

    private static readonly Lazy<byte[]> Bomb = new(BuildBomb);

    private static readonly byte[] HtmlFiller = Filler("<p>단기 알바 대량 모집 상세 안내 - 근무 조건과 지원 방법은 아래를 참고하세요.</p>\n");

    private static readonly byte[] JsonFiller = Filler("{\"id\":0,\"title\":\"대량 모집\",\"content\":{\"text\":\"상세 안내\"}},");

    /// <summary>Streams exactly <paramref name="bytes"/> bytes, chunked (no Content-Length), until done or the client gives up.</summary>
    public static async Task HugeAsync(HttpContext context, long bytes, bool json, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = json ? "application/json; charset=utf-8" : HttpDocument.Html;
        var head = Encoding.UTF8.GetBytes(json ? "{\"data\":{\"items\":[" : "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>대량 모집</title></head><body>");
        var filler = json ? JsonFiller : HtmlFiller;
        try
        {
            var sent = Math.Min(bytes, head.Length);
            await context.Response.Body.WriteAsync(head.AsMemory(0, (int)sent), ct);
            while (sent < bytes)
            {
                var n = (int)Math.Min(filler.Length, bytes - sent);
                await context.Response.Body.WriteAsync(filler.AsMemory(0, n), ct);
                sent += n;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading, as a crawler with a size cap should.
        }
    }

    /// <summary>A small gzip body that inflates to <see cref="GzipBombInflatedBytes"/> bytes of HTML whitespace.</summary>
    public static Task GzipBombAsync(HttpContext context, bool json)
    {
        context.Response.Headers.ContentEncoding = "gzip";
        return HttpDocument.WriteBytesAsync(context, Bomb.Value, json ? "application/json; charset=utf-8" : HttpDocument.Html);
    }

    public static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }

    /// <summary>A month of an event calendar whose "next" link always leads to one more month.</summary>
    public static Task CalendarAsync(HttpContext context)
    {
        var month = int.TryParse(context.Request.Query["month"], out var m) && m > 0 ? m : 1;
        var html = $"""
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>채용 행사 달력 ({month})</title></head><body>
            <h1>채용 행사 달력 - {month}번째 달</h1>
            <table class="calendar"><tr><th>일</th><th>월</th><th>화</th><th>수</th><th>목</th><th>금</th><th>토</th></tr>
            <tr><td></td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr></table>
            <p>이달에는 등록된 행사가 없습니다.</p>
            <div class="paging"><a class="prev" href="/calendar?month={Math.Max(1, month - 1)}">◀ 이전 달</a> <a class="next pg_next" href="/calendar?month={month + 1}">다음 달 ▶</a></div>
            </body></html>
            """;
        return HttpDocument.WriteTextAsync(context, html);
    }

    private static byte[] Filler(string unit)
    {
        var bytes = Encoding.UTF8.GetBytes(unit);
        var filler = new byte[64 * 1024 / bytes.Length * bytes.Length];
        for (var i = 0; i < filler.Length; i += bytes.Length)
        {
            bytes.CopyTo(filler, i);
        }

        return filler;
    }

    private static byte[] BuildBomb()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var head = Encoding.ASCII.GetBytes("<!DOCTYPE html><html><body>");
            gzip.Write(head);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (long written = head.Length; written < GzipBombInflatedBytes; written += spaces.Length)
            {
                gzip.Write(spaces, 0, (int)Math.Min(spaces.Length, GzipBombInflatedBytes - written));
            }
        }

        return compressed.ToArray();
    }
}
