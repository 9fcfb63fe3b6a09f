namespace ScamWatch.Classification;

/// <summary>A classification that explains itself: score, threshold, model version and the reasons, strongest first.</summary>
public sealed record Verdict(double Score, bool Flagged, double Threshold, string Model, IReadOnlyList<Reason> Reasons);
