namespace ScamWatch.Review;

/// <summary>What a reviewer can decide about a flagged post.</summary>
public enum DecisionKind
{
    /// <summary>A lure: goes to takedown.</summary>
    Confirm,

    /// <summary>Not a lure: leaves the queue, becomes a negative training example.</summary>
    Reject,

    /// <summary>Needs a senior look: stays visible under "escalated".</summary>
    Escalate,
}
