using System.Text.Json.Serialization;

namespace ScamWatch.Demo;

/// <summary>A post on the built-in demo board (content in demo-posts.jsonl, written apart from the training data).</summary>
public sealed record DemoPost
{
    [JsonPropertyName("no")] public int No { get; init; }
    [JsonPropertyName("category")] public string Category { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("company")] public string Company { get; init; } = "";
    [JsonPropertyName("region")] public string Region { get; init; } = "";
    [JsonPropertyName("pay")] public string Pay { get; init; } = "";
    [JsonPropertyName("employment_type")] public string EmploymentType { get; init; } = "";
    [JsonPropertyName("contact")] public string Contact { get; init; } = "";
    [JsonPropertyName("posted_at")] public string PostedAt { get; init; } = "";
    [JsonPropertyName("author")] public string Author { get; init; } = "";
    [JsonPropertyName("views")] public int Views { get; init; }

    /// <summary>Ground truth for tests of the demo; never shown by the board or read by the crawler.</summary>
    [JsonPropertyName("demo_truth")] public string DemoTruth { get; init; } = "";
}
