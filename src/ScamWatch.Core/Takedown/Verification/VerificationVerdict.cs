namespace ScamWatch.Takedown.Verification;

/// <summary>What one recheck of a takedown request concluded.</summary>
public enum VerificationVerdict
{
    /// <summary>The post is gone: the request becomes verified-removed.</summary>
    Gone,

    /// <summary>The post is still up and the platform still has time (or has answered).</summary>
    StillUp,

    /// <summary>The post is still up after the platform's deadline.</summary>
    Overdue,

    /// <summary>No answer this time (5xx, timeout, robots.txt, unknown site): nothing changes.</summary>
    Error,

    /// <summary>The request is not awaiting removal: nothing to check.</summary>
    NotDue,
}
