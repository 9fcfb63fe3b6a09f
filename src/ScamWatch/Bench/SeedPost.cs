namespace ScamWatch.Bench;

/// <summary>
/// A synthetic post for the review benchmark with everything the pipeline would have stored for it: versions (oldest
/// first), sightings, the latest version's SimHash and contact handles, and its queue item when a version was flagged.
/// </summary>
public sealed record SeedPost(string Site, string SitePostId, string Url, IReadOnlyList<SeedVersion> Versions, DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen, DateTimeOffset? RemovedAt, ulong? SimHash, IReadOnlySet<string> Handles, SeedReview? Review);
