namespace ScamWatch.Takedown.Delivery;

/// <summary>The states of one delivery (one request over one channel), kept in <c>deliveries</c>.</summary>
public static class DeliveryState
{
    /// <summary>Waiting; due at <c>next_attempt_at</c> (at once when new, later after a failure).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by a node until <c>next_attempt_at</c> (the lease); <c>lease_owner</c> says which.</summary>
    public const string Sending = "sending";

    /// <summary>The receiver accepted it (2xx) or its batch file is in the outbox.</summary>
    public const string Delivered = "delivered";

    /// <summary>Dead-lettered: out of attempts, or refused for good by the receiver. Needs a person (<c>deliver --requeue-dead</c>).</summary>
    public const string Dead = "dead";
}

/// <summary>The channels a request can be delivered over.</summary>
public static class DeliveryChannel
{
    public const string Webhook = "webhook";
    public const string File = "file";
}
