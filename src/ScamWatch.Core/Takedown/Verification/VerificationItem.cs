namespace ScamWatch.Takedown.Verification;

/// <summary>One request's recheck: where, the state before and after, and the decision with its reason.</summary>
public sealed record VerificationItem(long RequestId, string Platform, string Url, string StateBefore, string StateAfter, VerificationOutcome Outcome);
