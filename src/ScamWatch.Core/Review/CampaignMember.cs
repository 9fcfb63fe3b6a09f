namespace ScamWatch.Review;

/// <summary>A post grouped with another as the same actor's: what they share, and its queue item if any.</summary>
public sealed class CampaignMember
{
    public long PostId { get; init; }
    public string Shared { get; init; } = "";
    public string Site { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public long? ItemId { get; init; }
    public string? Status { get; init; }
    public double? Score { get; init; }
}
