namespace ScamWatch.Review;

/// <summary>Where a queue item stands. Stored as lower-case text.</summary>
public static class ReviewStatus
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Escalated = "escalated";
}
