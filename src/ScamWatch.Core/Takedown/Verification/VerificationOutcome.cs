namespace ScamWatch.Takedown.Verification;

/// <summary>
/// The decision for one request: the verdict, the lifecycle event to apply (none when nothing changes), the reason in
/// words, and for a removal the time it took. Pure data.
/// </summary>
public sealed record VerificationOutcome(VerificationVerdict Verdict, TakedownEvent? Event, string Reason)
{
    /// <summary>From sending (or deciding, when never sent) to our seeing the post gone.</summary>
    public TimeSpan? TimeToTakedown { get; init; }

    /// <summary>For an overdue request: how far past the deadline.</summary>
    public TimeSpan? Overdue { get; init; }
}
