namespace ScamWatch.Review;

/// <summary>What one rescoring pass did: items rescored, of which now below threshold, and items skipped because they changed meanwhile.</summary>
public sealed record RescoreRun(string Model, int Rescored, int NowBelow, int Skipped, int Batches);
