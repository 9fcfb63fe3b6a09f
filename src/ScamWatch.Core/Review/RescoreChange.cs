namespace ScamWatch.Review;

/// <summary>One item's score under the previous and the new model (a <c>review_rescores</c> row).</summary>
public sealed class RescoreChange
{
    public long Id { get; init; }
    public long ReviewItemId { get; init; }
    public string OldModel { get; init; } = "";
    public string NewModel { get; init; } = "";
    public double OldScore { get; init; }
    public double NewScore { get; init; }
    public double? OldThreshold { get; init; }
    public double NewThreshold { get; init; }
    public string Effect { get; init; } = "";
    public string RescoredAt { get; init; } = "";
}
