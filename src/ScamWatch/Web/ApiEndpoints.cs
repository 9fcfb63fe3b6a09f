using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Accounts;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>The JSON API mirroring the review UI, for machine clients with API keys. Documented at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    /// <summary>Reading the queue, items and audit log: reviewers, analysts, admins.</summary>
    public const string ReadApi = "api-read";

    /// <summary>Claiming and deciding: reviewers and admins.</summary>
    public const string ReviewApi = "api-review";
    public const string AnyApi = "api-any";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ScamWatch API");

        api.MapGet("/queue", async (ReviewQueue queue, string? status, string? order, string? site, double? minScore, double? maxScore, string? since, string? until,
            string? campaign, int? limit, int? offset, CancellationToken ct) =>
        {
            var items = await queue.ListAsync(new QueueQuery
            {
                Status = status ?? ReviewStatus.Open,
                Order = order == "uncertain" ? QueueOrder.Uncertain : QueueOrder.Risk,
                Site = site,
                MinScore = minScore,
                MaxScore = maxScore,
                Since = since,
                Until = until,
                Campaign = campaign,
                Limit = Math.Clamp(limit ?? 50, 1, 500),
                Offset = Math.Max(0, offset ?? 0),
            }, ct);
            return Results.Ok(new QueuePage(items.Select(QueueEntry.From).ToList(), await queue.CountsAsync(ct)));
        }).RequireAuthorization(ReadApi).WithSummary("Flagged posts, riskiest or most uncertain first.");

        api.MapGet("/items/{id:long}", async (long id, ReviewQueue queue, PostStore posts, CancellationToken ct) =>
        {
            var item = await queue.GetAsync(id, ct);
            if (item is null)
            {
                return Results.NotFound();
            }

            var post = await posts.GetAsync(item.PostId, ct);
            return Results.Ok(new ItemDetail(QueueEntry.From(item), post?.Body, post?.Company, post?.Location, post?.Salary, post?.PostedAt,
                post?.FirstSeen, post?.LastSeen, post?.RemovedAt, post?.Versions ?? 0, post?.EvidenceSha256,
                ClassificationStore.ParseReasons(item.Reasons), await queue.AuditForPostAsync(item.PostId, ct)));
        }).RequireAuthorization(ReadApi).WithSummary("One flagged post with its evidence, reasons and audit trail.");

        api.MapPost("/items/{id:long}/claim", async (long id, HttpContext http, ReviewQueue queue, TimeProvider clock, IOptions<ReviewOptions> options, CancellationToken ct) =>
        {
            var claimed = await queue.ClaimAsync(id, http.User.Identity!.Name!, clock.GetUtcNow(), options.Value.ClaimLease, ct);
            return claimed ? Results.Ok(new { claimed, lease_seconds = (int)options.Value.ClaimLease.TotalSeconds })
                : Results.Conflict(new { claimed, reason = "claimed by another reviewer, or already decided" });
        }).RequireAuthorization(ReviewApi).WithSummary("Claim (or renew) the lease on an item.");

        api.MapPost("/items/{id:long}/decision", async (long id, DecisionRequest body, HttpContext http, ReviewQueue queue, TimeProvider clock, CancellationToken ct) =>
        {
            DecisionKind? kind = body.Decision switch { "confirm" => DecisionKind.Confirm, "reject" => DecisionKind.Reject, "escalate" => DecisionKind.Escalate, _ => null };
            if (kind is null)
            {
                return Results.BadRequest(new { error = "decision must be confirm, reject or escalate" });
            }

            var result = await queue.DecideAsync(id, http.User.Identity!.Name!, kind.Value, kind == DecisionKind.Confirm ? body.ReasonCode ?? "employment-fraud" : null,
                string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), clock.GetUtcNow(), ct);
            return result.Accepted
                ? Results.Ok(new { accepted = true, status = result.Reason, decision_id = result.DecisionId, takedown_id = result.TakedownId })
                : Results.Conflict(new { accepted = false, reason = result.Reason });
        }).RequireAuthorization(ReviewApi).WithSummary("Record a decision: confirm (with reason code), reject or escalate.");

        api.MapGet("/items/{id:long}/campaign", async (long id, ReviewQueue queue, CancellationToken ct) =>
            await queue.GetAsync(id, ct) is { } item ? Results.Ok(await queue.CampaignAsync(item.PostId, ct)) : Results.NotFound())
            .RequireAuthorization(ReadApi).WithSummary("Posts of the same campaign: shared contact handle or near-duplicate text.");

        api.MapGet("/audit", WriteAuditAsync).RequireAuthorization(ReadApi).WithSummary("The whole append-only audit log (every decision) as JSON Lines.");

        api.MapPost("/items/{id:long}/campaign/decision", async (long id, DecisionRequest body, HttpContext http, ReviewQueue queue, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.Decision != "confirm")
            {
                return Results.BadRequest(new { error = "a campaign can only be confirmed as a whole; reject or escalate posts one by one" });
            }

            var results = await queue.DecideCampaignAsync(id, http.User.Identity!.Name!, DecisionKind.Confirm, body.ReasonCode ?? "employment-fraud",
                string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), clock.GetUtcNow(), ct);
            return Results.Ok(results);
        }).RequireAuthorization(ReviewApi).WithSummary("Confirm the item and every open item of its campaign, one recorded decision per post.");

        api.MapGet("/takedowns", async (HttpContext http, TakedownStore store, string? platform, CancellationToken ct) =>
        {
            var user = http.User;
            if (user.IsInRole(Roles.Operator))
            {
                platform = user.Platform();
            }
            else if (!user.IsInRole(Roles.Reviewer) && !user.IsInRole(Roles.Admin))
            {
                return Results.Forbid();
            }

            var list = new List<TakedownRequest>();
            await foreach (var r in store.StreamAsync(platform, ct))
            {
                list.Add(r);
            }

            return Results.Ok(list);
        }).RequireAuthorization(AnyApi).WithSummary("Takedown requests; an operator sees only its own platform's.");
    }

    /// <summary>Streams the audit log as JSON Lines in decision order: constant memory however long the log is.</summary>
    public static async Task WriteAuditAsync(HttpContext http, ReviewQueue queue, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var n = 0;
        await foreach (var entry in queue.StreamAuditAsync(ct).ConfigureAwait(false))
        {
            await http.Response.Body.WriteAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(entry, AuditJson), ct).ConfigureAwait(false);
            await http.Response.Body.WriteAsync(NewLine, ct).ConfigureAwait(false);
            n++;
        }

        http.RequestServices.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReviewQueue>>()
            .LogInformation("User {User} exported {Count} audit entries", http.User.Identity?.Name, n);
    }

    private static readonly ReadOnlyMemory<byte> NewLine = new[] { (byte)'\n' };

    private static readonly System.Text.Json.JsonSerializerOptions AuditJson = new(Cli.JsonLines.SerializerOptions) { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    public sealed record QueuePage(IReadOnlyList<QueueEntry> Items, IReadOnlyDictionary<string, long> Counts);

    public sealed record QueueEntry(long Id, long PostId, string Status, double Score, double Threshold, string Model, string Site, string Url,
        string? Title, string? Contact, string? ClaimedBy, string? ClaimExpiresAt, string EnqueuedAt)
    {
        public static QueueEntry From(ReviewItem i) =>
            new(i.Id, i.PostId, i.Status, i.Score, i.Threshold, i.ModelVersion, i.Site, i.Url, i.Title, i.Contact, i.ClaimedBy, i.ClaimExpiresAt, i.EnqueuedAt);
    }

    public sealed record ItemDetail(QueueEntry Item, string? Body, string? Company, string? Location, string? Salary, string? PostedAt,
        string? FirstSeen, string? LastSeen, string? RemovedAt, int Versions, string? EvidenceSha256, IReadOnlyList<Reason> Reasons, IReadOnlyList<AuditEntry> Audit);

    public sealed record DecisionRequest(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("reason_code")] string? ReasonCode,
        [property: JsonPropertyName("note")] string? Note);
}
