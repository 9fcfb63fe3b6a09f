namespace ScamWatch.Review;

/// <summary>Where a queue item stands. Stored as lower-case text.</summary>
public static class ReviewStatus
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Escalated = "escalated";

    /// <summary>Confirmed once; waits for a second, different reviewer when second review is required.</summary>
    public const string SecondReview = "second-review";

    /// <summary>Statuses in which an item can still be claimed and decided.</summary>
    public static bool IsUndecided(string? status) => status is Open or Escalated or SecondReview;
}
