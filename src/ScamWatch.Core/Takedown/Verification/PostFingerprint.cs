namespace ScamWatch.Takedown.Verification;

/// <summary>What a newly stored post is matched on: its SimHash and the earlier post it was linked to as a near-duplicate.</summary>
public sealed record PostFingerprint(long PostId, string Site, string SitePostId, bool IsChanged, ulong? SimHash, long? DuplicateOf);
