using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ScamWatch.Takedown;

/// <summary>Every export format behind one call, streamed (constant memory): csv, jsonl, xarf, stix.</summary>
public static class TakedownFormats
{
    public static readonly IReadOnlyList<string> All = ["csv", "jsonl", "xarf", "stix"];

    public static string ContentType(string format) => format switch
    {
        "csv" => "text/csv; charset=utf-8",
        "jsonl" or "xarf" => "application/x-ndjson; charset=utf-8",
        "stix" => "application/stix+json;version=2.1",
        _ => throw new ArgumentException($"unknown format {format}", nameof(format)),
    };

    public static string Extension(string format) => format switch
    {
        "csv" => "csv",
        "jsonl" => "jsonl",
        "xarf" => "xarf.jsonl",
        "stix" => "stix.json",
        _ => throw new ArgumentException($"unknown format {format}", nameof(format)),
    };

    /// <summary>Writes the requests in the format; returns how many were written.</summary>
    public static Task<int> WriteAsync(Stream output, string format, IAsyncEnumerable<TakedownRequest> requests, bool korean, CancellationToken ct = default) =>
        WriteAsync(output, format, requests, new TakedownWriteOptions { Korean = korean }, ct);

    /// <summary>
    /// Writes the requests in the format; returns how many were written. <see cref="TakedownExporter"/> fills the
    /// options from configuration and the database (reporter, captured pages for XARF evidence).
    /// </summary>
    public static Task<int> WriteAsync(Stream output, string format, IAsyncEnumerable<TakedownRequest> requests, TakedownWriteOptions options, CancellationToken ct = default) => format switch
    {
        "csv" => TakedownCsvWriter.WriteAsync(output, requests, options.Korean, ct),
        "jsonl" => WriteJsonLinesAsync(output, requests, ct),
        "xarf" => TakedownXarfWriter.WriteAsync(output, requests, options, ct),
        "stix" => TakedownStixWriter.WriteAsync(output, requests, options.Reporter, ct),
        _ => throw new ArgumentException($"unknown format {format}", nameof(format)),
    };

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The record every format carries, as one JSON object per request.</summary>
    public static object Record(TakedownRequest r) => new
    {
        request_id = r.Id,
        platform = r.Platform,
        url = r.Url,
        platform_post_id = r.SitePostId,
        title = r.Title,
        reason_code = r.ReasonCode,
        legal_basis = LegalBasis.For(r.ReasonCode),
        state = r.State,
        captured_at = r.CapturedAt,
        evidence_sha256 = r.EvidenceSha256,
        score = r.Score,
        model_version = r.ModelVersion,
        decided_at = r.DecidedAt,
        idempotency_key = r.IdempotencyKey,
        contact_handles = r.ContactHandles,
    };

    /// <summary>The fields of <see cref="Record"/>, written into an open JSON object (JSON Lines, and XARF's <c>scamwatch</c> block).</summary>
    public static void WriteRecordFields(Utf8JsonWriter w, TakedownRequest r)
    {
        w.WriteNumber("request_id", r.Id);
        w.WriteString("platform", r.Platform);
        w.WriteString("url", r.Url);
        w.WriteString("platform_post_id", r.SitePostId);
        w.WriteString("title", r.Title);
        w.WriteString("reason_code", r.ReasonCode);
        w.WriteString("legal_basis", LegalBasis.For(r.ReasonCode));
        w.WriteString("state", r.State);
        w.WriteString("captured_at", r.CapturedAt);
        w.WriteString("evidence_sha256", r.EvidenceSha256);
        w.WriteNumber("score", r.Score);
        w.WriteString("model_version", r.ModelVersion);
        w.WriteString("decided_at", r.DecidedAt);
        w.WriteString("idempotency_key", r.IdempotencyKey);
        w.WriteStartArray("contact_handles");
        foreach (var h in r.ContactHandles)
        {
            w.WriteStringValue(h);
        }

        w.WriteEndArray();
    }

    private static async Task<int> WriteJsonLinesAsync(Stream output, IAsyncEnumerable<TakedownRequest> requests, CancellationToken ct)
    {
        await using var chunks = new JsonChunkWriter(output);
        var n = 0;
        await foreach (var r in requests.WithCancellation(ct).ConfigureAwait(false))
        {
            chunks.Json.WriteStartObject();
            WriteRecordFields(chunks.Json, r);
            chunks.Json.WriteEndObject();
            chunks.EndLine();
            await chunks.DrainIfFullAsync(ct).ConfigureAwait(false);
            n++;
        }

        await chunks.CompleteAsync(ct).ConfigureAwait(false);
        return n;
    }
}
