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
    public static Task<int> WriteAsync(Stream output, string format, IAsyncEnumerable<TakedownRequest> requests, bool korean, CancellationToken ct = default) => format switch
    {
        "csv" => TakedownCsvWriter.WriteAsync(output, requests, korean, ct),
        "jsonl" => WriteJsonLinesAsync(output, requests, ct),
        "xarf" or "stix" => throw new NotSupportedException($"{format} export is not written yet"),
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
    };

    private static async Task<int> WriteJsonLinesAsync(Stream output, IAsyncEnumerable<TakedownRequest> requests, CancellationToken ct)
    {
        var n = 0;
        await foreach (var r in requests.WithCancellation(ct).ConfigureAwait(false))
        {
            await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(Record(r), Json), ct).ConfigureAwait(false);
            output.WriteByte((byte)'\n');
            n++;
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return n;
    }
}
