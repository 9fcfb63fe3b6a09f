using ScamWatch.Classification;
using ScamWatch.Extraction;
using ScamWatch.Posts;

namespace ScamWatch.Bench;

/// <summary>
/// One version of a seeded post: what the crawler would have read (and its content hash), its captured page, and the
/// model's verdict on it (and the reasons as stored), all computed off the inserting thread.
/// </summary>
public sealed record SeedVersion(ExtractedPost Post, string ContentHash, DateTimeOffset CapturedAt, Evidence Evidence, byte[] EvidenceGzip, Verdict Verdict,
    string ReasonsJson);
