namespace ScamWatch.Training;

/// <summary>One labelled record with the model's score, for metrics and the report.</summary>
public sealed record ScoredRecord(string Id, bool IsLure, double Score, bool Flagged, string? Group, string? Site, string? Title);
