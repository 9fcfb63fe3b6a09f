using System.Text.Json;

namespace ScamWatch.Takedown;

/// <summary>
/// Streams the requests as one STIX 2.1 bundle for CERTs: our identity, one campaign the lures belong to, and per
/// request a URL indicator (<c>indicates</c> the campaign) with its contact handles as observables linked
/// <c>related-to</c> (<c>indicates</c> may only point at SDOs such as campaigns). Object ids are UUIDv5 of the request's
/// idempotency key, so a re-export gives the same ids; only the bundle id is new each time (a bundle is a transport
/// envelope, not a versioned object).
/// </summary>
public static class TakedownStixWriter
{
    /// <summary>Handles already written in this bundle are not repeated; past this many the set starts over (bounded memory; a repeat is the identical object).</summary>
    public const int SeenObservablesLimit = 100_000;

    // created/modified of the two fixed objects: constant, so their content (and ids) never change between exports.
    private const string FixedTimestamp = "2026-01-01T00:00:00.000Z";

    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<TakedownRequest> requests, TakedownReporter reporter, CancellationToken ct = default)
    {
        await using var chunks = new JsonChunkWriter(output);
        var w = chunks.Json;
        var identity = "identity--" + DeterministicId.Create(DeterministicId.ScamWatch, "identity:" + reporter.Domain);
        var campaign = "campaign--" + DeterministicId.Create(DeterministicId.ScamWatch, "campaign:scam-compound-job-lures");
        w.WriteStartObject();
        w.WriteString("type", "bundle");
        w.WriteString("id", "bundle--" + Guid.NewGuid());
        w.WriteStartArray("objects");
        WriteIdentity(w, identity, reporter);
        WriteCampaign(w, campaign, identity);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        await foreach (var r in requests.WithCancellation(ct).ConfigureAwait(false))
        {
            var name = DeterministicId.RequestName(r);
            var indicator = "indicator--" + DeterministicId.Create(DeterministicId.ScamWatch, "indicator:" + name);
            WriteIndicator(w, indicator, identity, r);
            WriteRelationship(w, "indicates:" + name, "indicates", indicator, campaign, identity, r.DecidedAt);
            foreach (var handle in r.ContactHandles)
            {
                var observable = StixObservable.From(handle);
                var id = observable.Id;
                if (seen.Count >= SeenObservablesLimit)
                {
                    seen.Clear();
                }

                if (seen.Add(id))
                {
                    WriteObservable(w, id, observable);
                }

                WriteRelationship(w, $"related-to:{name}:{id}", "related-to", indicator, id, identity, r.DecidedAt);
            }

            await chunks.DrainIfFullAsync(ct).ConfigureAwait(false);
            n++;
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await chunks.CompleteAsync(ct).ConfigureAwait(false);
        return n;
    }

    /// <summary>A STIX pattern string literal: backslash and single quote escaped with a backslash (STIX 2.1 patterning §9.3).</summary>
    public static string UrlPattern(string url) => $"[url:value = '{url.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static void Common(Utf8JsonWriter w, string type, string id, string? createdBy, string created)
    {
        w.WriteString("type", type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", id);
        if (createdBy is not null)
        {
            w.WriteString("created_by_ref", createdBy);
        }

        w.WriteString("created", created);
        w.WriteString("modified", created);
    }

    private static void WriteIdentity(Utf8JsonWriter w, string id, TakedownReporter reporter)
    {
        w.WriteStartObject();
        Common(w, "identity", id, null, FixedTimestamp);
        w.WriteString("name", reporter.Org);
        w.WriteString("identity_class", "organization");
        w.WriteString("contact_information", reporter.Contact);
        w.WriteEndObject();
    }

    private static void WriteCampaign(Utf8JsonWriter w, string id, string identity)
    {
        w.WriteStartObject();
        Common(w, "campaign", id, identity, FixedTimestamp);
        w.WriteString("name", "Scam-compound job lures on Korean job sites");
        w.WriteString("description", "Job advertisements that lure applicants abroad into forced-labour fraud compounds (human trafficking, telecom fraud), confirmed by ScamWatch reviewers.");
        w.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter w, string id, string identity, TakedownRequest r)
    {
        var legal = LegalBasis.For(r.ReasonCode);
        w.WriteStartObject();
        Common(w, "indicator", id, identity, r.DecidedAt);
        w.WriteString("name", $"Job-scam lure on {r.Platform}: {r.Title}");
        w.WriteString("description", $"{r.Title}\nReason: {r.ReasonCode} — {legal}\nConfirmed by review at {r.DecidedAt}; page captured at {r.CapturedAt}.");
        w.WriteStartArray("indicator_types");
        w.WriteStringValue("malicious-activity");
        w.WriteEndArray();
        w.WriteStartArray("labels");
        w.WriteStringValue("job-scam");
        w.WriteStringValue(r.ReasonCode);
        w.WriteEndArray();
        w.WriteString("pattern", UrlPattern(r.Url));
        w.WriteString("pattern_type", "stix");
        w.WriteString("pattern_version", "2.1");
        w.WriteString("valid_from", r.DecidedAt);
        w.WriteNumber("confidence", (int)Math.Round(Math.Clamp(r.Score, 0, 1) * 100, MidpointRounding.AwayFromZero));
        w.WriteStartArray("external_references");
        w.WriteStartObject();
        w.WriteString("source_name", r.Platform);
        w.WriteString("url", r.Url);
        w.WriteString("external_id", r.SitePostId);
        w.WriteEndObject();
        if (!string.IsNullOrEmpty(r.EvidenceSha256))
        {
            w.WriteStartObject();
            w.WriteString("source_name", "scamwatch-evidence");
            w.WriteString("description", $"SHA-256 of the page as captured at {r.CapturedAt}");
            w.WriteStartObject("hashes");
            w.WriteString("SHA-256", r.EvidenceSha256);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        // Custom properties (STIX 2.1 §11.1: lower-case, x_ prefix) carry the record every export format carries.
        w.WriteNumber("x_scamwatch_request_id", r.Id);
        w.WriteString("x_scamwatch_platform", r.Platform);
        w.WriteString("x_scamwatch_url", r.Url);
        w.WriteString("x_scamwatch_platform_post_id", r.SitePostId);
        w.WriteString("x_scamwatch_title", r.Title);
        w.WriteString("x_scamwatch_reason_code", r.ReasonCode);
        w.WriteString("x_scamwatch_legal_basis", legal);
        w.WriteString("x_scamwatch_captured_at", r.CapturedAt);
        w.WriteString("x_scamwatch_evidence_sha256", r.EvidenceSha256);
        w.WriteNumber("x_scamwatch_score", r.Score);
        w.WriteString("x_scamwatch_model_version", r.ModelVersion);
        w.WriteString("x_scamwatch_decided_at", r.DecidedAt);
        w.WriteEndObject();
    }

    private static void WriteObservable(Utf8JsonWriter w, string id, StixObservable o)
    {
        w.WriteStartObject();
        w.WriteString("type", o.Type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", id);
        foreach (var (key, value) in o.Properties)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter w, string name, string type, string source, string target, string identity, string at)
    {
        w.WriteStartObject();
        Common(w, "relationship", "relationship--" + DeterministicId.Create(DeterministicId.ScamWatch, "relationship:" + name), identity, at);
        w.WriteString("relationship_type", type);
        w.WriteString("source_ref", source);
        w.WriteString("target_ref", target);
        w.WriteEndObject();
    }
}
