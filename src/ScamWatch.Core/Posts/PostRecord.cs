using System.Text.Json.Serialization;

namespace ScamWatch.Posts;

/// <summary>
/// A job post as exchanged on the command line (CONTRACTS.md "Post record"): input of classify, train and evaluate.
/// Unknown JSON fields are ignored and never become features.
/// </summary>
public sealed record PostRecord
{
    [JsonPropertyName("id")][JsonConverter(typeof(StringOrNumberConverter))] public string Id { get; init; } = "";
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("body")] public string? Body { get; init; }
    [JsonPropertyName("company")] public string? Company { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("salary")] public string? Salary { get; init; }
    [JsonPropertyName("employment_type")] public string? EmploymentType { get; init; }
    [JsonPropertyName("contact")] public string? Contact { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("site")] public string? Site { get; init; }
    [JsonPropertyName("posted_at")] public string? PostedAt { get; init; }

    /// <summary><c>"lure"</c> or <c>"legit"</c>; required by train and evaluate only.</summary>
    [JsonPropertyName("label")] public string? Label { get; init; }

    /// <summary>Optional grouping for evaluation breakdowns (e.g. "hard/police-warning"); never a feature.</summary>
    [JsonPropertyName("group")] public string? Group { get; init; }
}
