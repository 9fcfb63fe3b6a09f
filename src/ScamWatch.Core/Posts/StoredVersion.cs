namespace ScamWatch.Posts;

/// <summary>Outcome of storing a crawled post: which version it is and whether anything changed.</summary>
public sealed record StoredVersion(long PostId, long VersionId, int VersionNo, bool IsNewPost, bool IsChanged);
