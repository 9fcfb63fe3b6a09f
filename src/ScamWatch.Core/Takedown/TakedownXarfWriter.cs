using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScamWatch.Takedown;

/// <summary>
/// Streams one XARF v4 report per request (xarf-spec 4.0.0: category <c>content</c>, type <c>fraud</c>,
/// <c>fraud_type</c> <c>employment</c>), as JSON Lines, constant memory. Field names follow the v4 JSON schema
/// (<c>schemas/v4/xarf-core.json</c>, <c>types/content-base.json</c>, <c>types/content-fraud.json</c>); our own
/// fields sit in one <c>scamwatch</c> object, which the core schema's <c>additionalProperties: true</c> allows.
/// </summary>
public static partial class TakedownXarfWriter
{
    public const string Version = "4.0.0";

    /// <summary>XARF evidence items hold at most 5 MiB each.</summary>
    public const int MaxEvidenceBytes = 5 * 1024 * 1024;

    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<TakedownRequest> requests, TakedownWriteOptions options, CancellationToken ct = default)
    {
        await using var chunks = new JsonChunkWriter(output);
        var n = 0;
        await foreach (var r in requests.WithCancellation(ct).ConfigureAwait(false))
        {
            var page = options.CapturedPage is null ? null : await options.CapturedPage(r, ct).ConfigureAwait(false);
            WriteReport(chunks.Json, r, options.Reporter, page);
            chunks.EndLine();
            await chunks.DrainIfFullAsync(ct).ConfigureAwait(false);
            n++;
        }

        await chunks.CompleteAsync(ct).ConfigureAwait(false);
        return n;
    }

    public static void WriteReport(Utf8JsonWriter w, TakedownRequest r, TakedownReporter reporter, CapturedPage? page)
    {
        var uri = Uri.TryCreate(r.Url, UriKind.Absolute, out var u) ? u : null;
        w.WriteStartObject();
        w.WriteString("xarf_version", Version);
        w.WriteString("report_id", DeterministicId.Create(DeterministicId.ScamWatch, "xarf:" + DeterministicId.RequestName(r)).ToString());
        // "When the abuse incident occurred": the moment we captured the live post.
        w.WriteString("timestamp", r.CapturedAt);
        WriteContact(w, "reporter", reporter);
        WriteContact(w, "sender", reporter);
        w.WriteString("source_identifier", uri?.IdnHost ?? r.Url);
        w.WriteString("category", "content");
        w.WriteString("type", "fraud");
        w.WriteString("evidence_source", "crawler");
        // The schema's url is an RFC 3986 URI: IDN hosts as A-labels, quotes and spaces percent-encoded.
        w.WriteString("url", uri is null ? r.Url : new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri);
        if (uri is { HostNameType: UriHostNameType.Dns })
        {
            w.WriteString("domain", uri.IdnHost);
        }

        w.WriteString("fraud_type", "employment");
        w.WriteNumber("confidence", Math.Clamp(r.Score, 0, 1));
        w.WriteString("description", Truncate($"{r.Title} — {LegalBasis.For(r.ReasonCode)}", 1000));
        // A reviewer confirmed the lure on the captured page.
        w.WriteString("verification_method", "manual");
        w.WriteString("verified_at", r.CapturedAt);
        if (page is not null && !string.IsNullOrEmpty(r.EvidenceSha256) && page.Raw.Length <= MaxEvidenceBytes)
        {
            w.WriteStartArray("evidence");
            w.WriteStartObject();
            w.WriteString("content_type", string.IsNullOrEmpty(page.ContentType) ? "text/html" : page.ContentType);
            w.WriteString("description", Truncate($"The post as captured at {r.CapturedAt} from {r.Url}", 500));
            w.WriteBase64String("payload", page.Raw);
            w.WriteString("hash", "sha256:" + r.EvidenceSha256);
            w.WriteNumber("size", page.Raw.Length);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartArray("tags");
        w.WriteStringValue("fraud:employment");
        foreach (var tag in new[] { "reason:" + r.ReasonCode, "platform:" + r.Platform.ToLowerInvariant() })
        {
            if (TagRegex().IsMatch(tag))
            {
                w.WriteStringValue(tag);
            }
        }

        w.WriteEndArray();
        w.WriteStartObject("scamwatch");
        TakedownFormats.WriteRecordFields(w, r);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteContact(Utf8JsonWriter w, string name, TakedownReporter reporter)
    {
        w.WriteStartObject(name);
        w.WriteString("org", reporter.Org);
        w.WriteString("contact", reporter.Contact);
        w.WriteString("domain", reporter.Domain);
        w.WriteEndObject();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    // The tag pattern of xarf-core.json: tags that would not match are left out rather than mangled.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9_+-]*:[a-z0-9][a-z0-9_+\-.]*$")]
    private static partial Regex TagRegex();
}
