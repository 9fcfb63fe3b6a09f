namespace ScamWatch.Takedown.Delivery;

/// <summary>One delivery: one takedown request over one channel (a row of <c>deliveries</c>, with the request's platform).</summary>
public sealed class DeliveryRow
{
    public long Id { get; init; }
    public long RequestId { get; init; }
    public string Platform { get; init; } = "";
    public string Channel { get; init; } = "";
    public string State { get; init; } = "";
    public int Attempts { get; init; }

    /// <summary>When pending: when it is due. When sending: when the lease runs out.</summary>
    public string NextAttemptAt { get; init; } = "";
    public string? LastError { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? DeliveredAt { get; init; }
    public string? LeaseOwner { get; init; }

    /// <summary>For file deliveries: the batch file the request is written to.</summary>
    public string? Batch { get; init; }
}

/// <summary>One call (or one batch write) made for a delivery, from <c>delivery_attempts</c>.</summary>
public sealed class DeliveryAttemptRow
{
    public long Id { get; init; }
    public long DeliveryId { get; init; }
    public string At { get; init; } = "";
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public double DurationMs { get; init; }
}
