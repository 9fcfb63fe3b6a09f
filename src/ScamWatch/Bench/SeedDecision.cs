namespace ScamWatch.Bench;

/// <summary>A decision recorded on a seeded queue item, as <c>ReviewQueue.DecideAsync</c> would have written it.</summary>
public sealed record SeedDecision(string Reviewer, string Decision, string? ReasonCode, string? Note, DateTimeOffset At);
