using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>
/// The operator page's downloads (cookie sign-in): the caller's platform's requests in any export format, optionally
/// in one state. An operator gets only its own platform's; admins pick one with <c>?platform=</c>.
/// </summary>
public static class OperatorDownloads
{
    /// <summary>The download link for the page.</summary>
    public static string Link(string format, string? state, string? platform, bool english)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in new[] { ("state", state), ("platform", platform), ("lang", english ? "en" : null) })
        {
            if (value is not null)
            {
                query.Add(key, value);
            }
        }

        return $"/operator/requests.{format}{query}";
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/operator/requests.{format}", async (string format, string? state, string? platform, string? lang, HttpContext http, TakedownStore store,
            ILogger<TakedownStore> logger, CancellationToken ct) =>
        {
            if (!TakedownFormats.All.Contains(format) || (state is not null && !TakedownState.All.Contains(state)))
            {
                return Results.NotFound();
            }

            var (allowed, scope) = OperatorAccess.ReadScope(http.User, platform);
            if (!allowed)
            {
                return Results.Forbid();
            }

            var name = $"takedowns-{scope ?? "all"}{(state is null ? "" : "-" + state)}.{TakedownFormats.Extension(format)}";
            http.Response.ContentType = TakedownFormats.ContentType(format);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Uri.EscapeDataString(name)}\"";
            try
            {
                var n = await TakedownFormats.WriteAsync(http.Response.Body, format, store.StreamAsync(scope, state, 0, ct), lang != "en", ct);
                logger.LogInformation("User {User} downloaded {Count} takedown requests of {Platform} as {Format}", http.User.Identity?.Name, n, scope ?? "(all)", format);
                return Results.Empty;
            }
            catch (NotSupportedException e) when (!http.Response.HasStarted)
            {
                http.Response.Headers.ContentDisposition = default;
                return Results.Text(e.Message, "text/plain; charset=utf-8", null, StatusCodes.Status501NotImplemented);
            }
        }).RequireAuthorization(WebSetup.OperatorPolicy).ExcludeFromDescription();
    }
}
