using System.Text.Json.Serialization;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>The operator API's request and answer shapes, as /openapi/v1.json documents them (snake_case like the exports).</summary>
public static partial class OperatorApi
{
    /// <summary>A page of requests and the cursor to continue from.</summary>
    public sealed record RequestPage(
        [property: JsonPropertyName("items")] IReadOnlyList<RequestView> Items,
        [property: JsonPropertyName("next_cursor")] long NextCursor,
        [property: JsonPropertyName("has_more")] bool HasMore);

    public sealed record RequestDetail(
        [property: JsonPropertyName("request")] RequestView Request,
        [property: JsonPropertyName("events")] IReadOnlyList<EventView> Events);

    /// <summary>The answer to an acknowledgement or outcome that the request's state allows.</summary>
    public sealed record Answer(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("changed")] bool Changed,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("reason")] string Reason);

    public sealed record ApiError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("state"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? State);

    public sealed record AckBody([property: JsonPropertyName("note")] string? Note);

    public sealed record OutcomeBody(
        [property: JsonPropertyName("outcome")] string Outcome,
        [property: JsonPropertyName("note")] string? Note);

    public sealed record EventView(
        [property: JsonPropertyName("at")] string At,
        [property: JsonPropertyName("event")] string Event,
        [property: JsonPropertyName("from_state")] string? FromState,
        [property: JsonPropertyName("to_state")] string ToState,
        [property: JsonPropertyName("actor")] string Actor,
        [property: JsonPropertyName("note")] string? Note)
    {
        public static EventView From(TakedownEventRow e) => new(e.At, e.Event, e.FromState, e.ToState, e.Actor, e.Note);
    }

    /// <summary>One request as an operator's client reads it: the exported record plus where it stands.</summary>
    public sealed record RequestView(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("platform")] string Platform,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("platform_post_id")] string PlatformPostId,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("reason_code")] string ReasonCode,
        [property: JsonPropertyName("legal_basis")] string LegalBasis,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("captured_at")] string CapturedAt,
        [property: JsonPropertyName("evidence_sha256")] string? EvidenceSha256,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("model_version")] string ModelVersion,
        [property: JsonPropertyName("decided_at")] string DecidedAt,
        [property: JsonPropertyName("idempotency_key")] string IdempotencyKey,
        [property: JsonPropertyName("sent_at")] string? SentAt,
        [property: JsonPropertyName("deadline_at")] string? DeadlineAt,
        [property: JsonPropertyName("acknowledged_at")] string? AcknowledgedAt,
        [property: JsonPropertyName("outcome_at")] string? OutcomeAt,
        [property: JsonPropertyName("operator_note")] string? OperatorNote)
    {
        public static RequestView From(TakedownRequest r) => new(r.Id, r.Platform, r.Url, r.SitePostId, r.Title, r.ReasonCode, Takedown.LegalBasis.For(r.ReasonCode),
            r.State, r.CapturedAt, r.EvidenceSha256, r.Score, r.ModelVersion, r.DecidedAt, r.IdempotencyKey, r.SentAt, r.DeadlineAt, r.AcknowledgedAt,
            r.OutcomeAt, r.OperatorNote);
    }
}
