using System.Text.Json.Serialization;

namespace ScamWatch.Training;

/// <summary><c>manifest.json</c> beside a snapshot's <c>data.jsonl</c>: what is in it and where it came from.</summary>
public sealed record SnapshotManifest
{
    [JsonPropertyName("sha256")] public string Sha256 { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "post-record JSON Lines with label, group and source (CONTRACTS.md)";
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("examples")] public int Examples { get; init; }
    [JsonPropertyName("positives")] public int Positives { get; init; }
    [JsonPropertyName("reviewed_examples")] public int ReviewedExamples { get; init; }
    [JsonPropertyName("reviewed_lure")] public int ReviewedLure { get; init; }
    [JsonPropertyName("reviewed_legit")] public int ReviewedLegit { get; init; }
    [JsonPropertyName("reviewed_posts_excluded")] public int ReviewedPostsExcluded { get; init; }
    [JsonPropertyName("sources")] public IReadOnlyList<SnapshotSource> Sources { get; init; } = [];
    [JsonPropertyName("conflicts")] public IReadOnlyList<ReviewLabels.Conflict> Conflicts { get; init; } = [];
}

public sealed record SnapshotSource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("records")] int Records,
    [property: JsonPropertyName("positives")] int Positives);
