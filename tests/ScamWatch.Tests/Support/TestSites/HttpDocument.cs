using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>Writes responses; documents get a content-hash ETag and Last-Modified and an honest 304 when the validators match.</summary>
internal static class HttpDocument
{
    public const string Html = "text/html; charset=utf-8";

    public static string ETagOf(byte[] body) => "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8)) + "\"";

    public static Task WriteAsync(HttpContext context, byte[] body, string contentType, DateTimeOffset lastModified)
    {
        var etag = ETagOf(body);
        var modified = TruncateToSeconds(lastModified);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = modified.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        if (NotModified(context.Request, etag, modified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        return WriteBytesAsync(context, body, contentType);
    }

    public static async Task WriteBytesAsync(HttpContext context, byte[] body, string contentType, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteTextAsync(HttpContext context, string text, string contentType = Html, int status = StatusCodes.Status200OK) =>
        WriteBytesAsync(context, Encoding.UTF8.GetBytes(text), contentType, status);

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    // RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only without it.
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var current = new EntityTagHeaderValue(etag);
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }
}
