namespace ScamWatch.Review;

/// <summary>The outcome of a decision attempt, with the reason when it was refused.</summary>
public sealed record DecisionResult(bool Accepted, string Reason, long? DecisionId = null, long? TakedownId = null)
{
    public static DecisionResult Refused(string reason) => new(false, reason);
}
