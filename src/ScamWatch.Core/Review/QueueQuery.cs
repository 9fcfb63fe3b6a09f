namespace ScamWatch.Review;

/// <summary>How the queue is asked for: which items, in which order, which page.</summary>
public sealed record QueueQuery
{
    public QueueOrder Order { get; init; } = QueueOrder.Risk;
    public string Status { get; init; } = ReviewStatus.Open;
    public string? Site { get; init; }
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
