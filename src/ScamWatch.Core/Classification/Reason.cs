using System.Text.Json.Serialization;

namespace ScamWatch.Classification;

/// <summary>One thing that moved the score: a red-flag rule (with its matched span) or a model term.</summary>
public sealed record Reason(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("weight")] double Weight,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>Where <see cref="Text"/> sits in the post text joined by <see cref="PostText"/> (-1 when not locatable).</summary>
    [JsonPropertyName("start")] public int Start { get; init; } = -1;

    [JsonPropertyName("length")] public int Length { get; init; }
}
