namespace ScamWatch.Review;

/// <summary>How the queue is asked for: which items, in which order, which page.</summary>
public sealed record QueueQuery
{
    public QueueOrder Order { get; init; } = QueueOrder.Risk;
    public string Status { get; init; } = ReviewStatus.Open;
    public string? Site { get; init; }
    /// <summary>Lowest score shown (inclusive).</summary>
    public double? MinScore { get; init; }

    /// <summary>Highest score shown (exclusive).</summary>
    public double? MaxScore { get; init; }

    /// <summary>Only items queued on or after this day (UTC, yyyy-MM-dd).</summary>
    public string? Since { get; init; }

    /// <summary>Only items queued before the end of this day (UTC, yyyy-MM-dd).</summary>
    public string? Until { get; init; }

    /// <summary>Only posts of one campaign: those carrying this contact handle (e.g. "telegram:@recruit_kh").</summary>
    public string? Campaign { get; init; }

    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

public enum QueueOrder
{
    /// <summary>Highest score first.</summary>
    Risk,

    /// <summary>Closest to the model's threshold first (most informative for the reviewer and the next model).</summary>
    Uncertain,
}
