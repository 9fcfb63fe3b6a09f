namespace ScamWatch.Takedown.Verification;

/// <summary>
/// A confirmed lure (a post with a takedown request) that storage found near a newly stored post: the same post, a
/// shared SimHash band or duplicate-of chain, or a shared contact handle. Only a candidate until
/// <see cref="ReappearanceDecision"/> says it matches.
/// </summary>
public sealed record LureCandidate
{
    public long RequestId { get; init; }

    public long LurePostId { get; init; }

    /// <summary>The request's state.</summary>
    public string State { get; init; } = "";

    public string Platform { get; init; } = "";

    public string SitePostId { get; init; } = "";

    /// <summary>The lure's SimHash (null when its text was too short to hash).</summary>
    public ulong? SimHash { get; init; }

    /// <summary>The post the lure is itself a near-duplicate of.</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>The contact handle both posts carry, for a handle candidate.</summary>
    public string? Handle { get; init; }
}
