using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>
/// Pull delivery for platform operators' clients (API key of an operator account): list new requests after a cursor,
/// acknowledge, report the outcome. An operator sees and touches only its own platform's requests; anything else is
/// answered as not found. Reviewers and admins may read any platform's with <c>?platform=</c>.
/// </summary>
public static partial class OperatorApi
{
    /// <summary>Reading: operators (own platform), reviewers and admins.</summary>
    public const string ReadPolicy = "api-operator-read";

    /// <summary>Acknowledging and reporting outcomes: operators only.</summary>
    public const string WritePolicy = "api-operator-write";

    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/operator").WithTags("Operator API");

        api.MapGet("/requests", ListAsync).RequireAuthorization(ReadPolicy)
            .WithSummary("Takedown requests of the caller's platform after a cursor, in id order.")
            .WithDescription("Pass the last id you have seen as cursor and keep next_cursor for the next call; each request is listed once. "
                + "Listing a pending request delivers it: it becomes sent and the platform's deadline starts. Reviewers and admins may read any platform with ?platform=.")
            .Produces<RequestPage>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status403Forbidden);

        api.MapGet("/requests/{id:long}", GetAsync).RequireAuthorization(ReadPolicy)
            .WithSummary("One takedown request of the caller's platform with its history.")
            .Produces<RequestDetail>().Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapPost("/requests/{id:long}/ack", (long id, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, TakedownStore store,
                OperatorReplies replies, TimeProvider clock, CancellationToken ct) =>
                ActAsync(id, http, idempotencyKey, OperatorBody.ParseAck, store, replies, clock, ct))
            .RequireAuthorization(WritePolicy).AddOpenApiOperationTransformer(JsonBody<AckBody>(required: false))
            .WithSummary("Acknowledge a request: the platform has it and is looking at it.")
            .WithDescription("Body: empty, or {\"note\": \"...\"} (at most 1000 characters). Repeating an acknowledgement answers 200 with changed=false. "
                + "With an Idempotency-Key header the same key and body get the same answer again; the same key with another body gets 422.")
            .Produces<Answer>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict).Produces<ApiError>(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/requests/{id:long}/outcome", (long id, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, TakedownStore store,
                OperatorReplies replies, TimeProvider clock, CancellationToken ct) =>
                ActAsync(id, http, idempotencyKey, OperatorBody.ParseOutcome, store, replies, clock, ct))
            .RequireAuthorization(WritePolicy).AddOpenApiOperationTransformer(JsonBody<OutcomeBody>(required: true))
            .WithSummary("Report the outcome of a request: removed or refused.")
            .WithDescription("Body: {\"outcome\": \"removed\" | \"refused\", \"note\": \"...\"}. Unknown fields or values, a missing outcome, a note over 1000 characters "
                + "or a Content-Type other than application/json get 400 and change nothing; an outcome the request's state does not allow gets 409 with the reason; "
                + "repeating the same outcome answers 200 with changed=false.")
            .Produces<Answer>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict).Produces<ApiError>(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TakedownStore store, IOptions<TakedownOptions> options, TimeProvider clock,
        ILogger<TakedownStore> logger, string? cursor, string? limit, string? platform, string? state, CancellationToken ct)
    {
        if (!TryParse(cursor, 0, 0, long.MaxValue, out var after))
        {
            return Error(StatusCodes.Status400BadRequest, "cursor must be a request id (a whole number ≥ 0)");
        }

        if (!TryParse(limit, DefaultLimit, 1, MaxLimit, out var take))
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {MaxLimit}");
        }

        if (state is not null && !TakedownState.All.Contains(state))
        {
            return Error(StatusCodes.Status400BadRequest, $"state must be one of {string.Join(", ", TakedownState.All)}");
        }

        var (allowed, scope) = OperatorAccess.ReadScope(http.User, platform);
        if (!allowed)
        {
            return Error(StatusCodes.Status403Forbidden, "an operator reads only its own platform's requests");
        }

        var now = clock.GetUtcNow();
        var items = new List<RequestView>();
        var more = false;
        await foreach (var request in store.StreamAsync(scope, state, after, ct))
        {
            if (items.Count == take)
            {
                more = true;
                break;
            }

            items.Add(RequestView.From(await OperatorAccess.DeliverAsync(http.User, request, "pull", store, options.Value, now, ct)));
        }

        logger.LogInformation("User {User} listed {Count} takedown requests of {Platform} after cursor {Cursor}", http.User.Identity?.Name, items.Count, scope ?? "(all)", after);
        return Results.Json(new RequestPage(items, items.Count > 0 ? items[^1].Id : after, more), Json);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, TakedownStore store, IOptions<TakedownOptions> options, TimeProvider clock,
        string? platform, CancellationToken ct)
    {
        var (allowed, scope) = OperatorAccess.ReadScope(http.User, platform);
        var request = allowed ? await store.GetAsync(id, ct) : null;
        if (!OperatorAccess.InScope(request, scope))
        {
            return Error(StatusCodes.Status404NotFound, $"takedown request {id} not found");
        }

        request = await OperatorAccess.DeliverAsync(http.User, request!, "pull", store, options.Value, clock.GetUtcNow(), ct);
        var events = await store.EventsAsync(id, ct);
        return Results.Json(new RequestDetail(RequestView.From(request), events.Select(EventView.From).ToList()), Json);
    }

    private delegate (OperatorBody.Parsed? Action, string? Error) BodyParser(string? contentType, ReadOnlySpan<byte> body);

    private static async Task<IResult> ActAsync(long id, HttpContext http, string? idempotencyKey, BodyParser parse, TakedownStore store,
        OperatorReplies replies, TimeProvider clock, CancellationToken ct)
    {
        var user = http.User.Identity!.Name!;
        var platform = http.User.Platform();
        if (platform is null)
        {
            return Error(StatusCodes.Status403Forbidden, "this operator account is not bound to a platform");
        }

        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            return Error(StatusCodes.Status400BadRequest, "Idempotency-Key must be 1 to 200 printable ASCII characters without spaces");
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, $"the body is larger than {OperatorBody.MaxBytes} bytes");
        }

        var hash = OperatorReplies.Hash(http.Request.Method, http.Request.Path, body);
        if (idempotencyKey is not null && await replies.FindAsync(user, idempotencyKey, ct) is { } earlier)
        {
            return Replay(http, earlier, hash);
        }

        var (action, problem) = parse(http.Request.ContentType, body);
        if (action is null)
        {
            return Error(StatusCodes.Status400BadRequest, problem!);
        }

        if (!OperatorAccess.InScope(await store.GetAsync(id, ct), platform))
        {
            return Error(StatusCodes.Status404NotFound, $"takedown request {id} not found");
        }

        var now = clock.GetUtcNow();
        var t = await store.TransitionAsync(id, action.Event, "api:" + user, action.Note, now, ct: ct);
        var (status, answer) = t.Allowed
            ? (StatusCodes.Status200OK, JsonSerializer.Serialize(new Answer(id, t.To, t.Changed, t.From, t.Reason), Json))
            : (StatusCodes.Status409Conflict, JsonSerializer.Serialize(new ApiError(t.Reason, t.From), Json));
        if (idempotencyKey is null)
        {
            return Results.Text(answer, "application/json; charset=utf-8", null, status);
        }

        var kept = await replies.KeepAsync(user, idempotencyKey, new OperatorReplies.Reply { RequestHash = hash, StatusCode = status, Body = answer }, now, ct);
        return kept.StatusCode == status && kept.Body == answer && kept.RequestHash == hash
            ? Results.Text(answer, "application/json; charset=utf-8", null, status)
            : Replay(http, kept, hash);
    }

    private static IResult Replay(HttpContext http, OperatorReplies.Reply earlier, string hash)
    {
        if (earlier.RequestHash != hash)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "this Idempotency-Key was already used for a different request");
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(earlier.Body, "application/json; charset=utf-8", null, earlier.StatusCode);
    }

    /// <summary>The whole body, or null when it is over the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > OperatorBody.MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > OperatorBody.MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static bool TryParse(string? text, long fallback, long min, long max, out long value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>
    /// Documents the JSON body the handler reads itself. (Declaring it with Accepts would make routing answer a wrong
    /// Content-Type with a bare 415 instead of the handler's 400 with a message.)
    /// </summary>
    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> JsonBody<T>(bool required) =>
        async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
        {
            Required = required,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) },
            },
        };

    private static IResult Error(int status, string message) => Results.Json(new ApiError(message, null), Json, statusCode: status);
}
