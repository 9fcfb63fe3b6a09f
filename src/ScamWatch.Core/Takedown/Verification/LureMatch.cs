namespace ScamWatch.Takedown.Verification;

/// <summary>
/// A decided match: which request, how it matched and why, whether the request moves to reappeared, and whether the
/// new post goes to review whatever its score.
/// </summary>
public sealed record LureMatch(long RequestId, long LurePostId, LureMatchKind Kind, string Reason, bool MovesRequest, bool QueuesPost);
