namespace ScamWatch.Takedown;

/// <summary>A request past its platform's deadline without removal.</summary>
public sealed record OverdueRequest(long Id, string Url, string? Title, string State, string? SentAt, string DeadlineAt, TimeSpan OverdueBy);
