using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ScamWatch.Accounts;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>Takedown list downloads. Reviewers and admins may download any platform's list; an operator only its own.</summary>
public static class TakedownEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/takedowns/{platform}.csv", async (string platform, string? lang, HttpContext http, TakedownStore store, ILogger<TakedownStore> logger, CancellationToken ct) =>
        {
            var user = http.User;
            var allowed = user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Operator) && user.Platform() == platform);
            if (!allowed)
            {
                return Results.Forbid();
            }

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"takedowns-{Uri.EscapeDataString(platform)}.csv\"";
            var n = await TakedownCsvWriter.WriteAsync(http.Response.Body, store.StreamAsync(platform, ct), lang != "en", ct).ConfigureAwait(false);
            logger.LogInformation("User {User} downloaded {Count} takedown requests for platform {Platform}", user.Identity?.Name, n, platform);
            return Results.Empty;
        }).RequireAuthorization();
    }
}
