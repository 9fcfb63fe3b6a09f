using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Review;

/// <summary>How the review queue behaves. Bound from the <c>Review</c> section.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>How long opening an item holds it for one reviewer (renewed while the page is open).</summary>
    /// <value>Default 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:10", "08:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A lure goes to takedown only after a second, different reviewer confirms it too.</summary>
    /// <value>Default false.</value>
    public bool RequireSecondReview { get; set; }

    /// <summary>Items per queue page.</summary>
    /// <value>Default 50.</value>
    [Range(5, 500)]
    public int PageSize { get; set; } = 50;
}
