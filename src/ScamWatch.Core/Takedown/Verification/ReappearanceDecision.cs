using System.Globalization;

namespace ScamWatch.Takedown.Verification;

/// <summary>
/// Whether a stored post is a confirmed lure back again, as one pure function over the post's fingerprint and the
/// candidates storage found. Text matches (the same post back, nearly the same text, the same original) move a removed
/// request to reappeared. A shared contact handle alone does not: it marks the same actor, not the same post, so it
/// sends the new post to review (the reviewer decides, and a confirmation makes its own request) but leaves the
/// original request's record as it is. A shared phrase is neither: band collisions further apart than
/// <see cref="Posts.SimHash.MaxDistance"/> bits are dropped.
/// </summary>
public static class ReappearanceDecision
{
    public static IReadOnlyList<LureMatch> Decide(PostFingerprint post, IEnumerable<LureCandidate> candidates)
    {
        var best = new Dictionary<long, LureMatch>();
        foreach (var c in candidates)
        {
            if (Match(post, c) is { } m && (!best.TryGetValue(c.RequestId, out var seen) || m.Kind < seen.Kind))
            {
                best[c.RequestId] = m;
            }
        }

        return [.. best.Values.OrderBy(m => m.Kind).ThenBy(m => m.RequestId)];
    }

    private static LureMatch? Match(PostFingerprint post, LureCandidate c)
    {
        var lure = $"confirmed lure {c.Platform} post {c.SitePostId} (takedown request {c.RequestId}, {c.State})";
        var removed = TakedownLifecycle.Next(c.State, TakedownEvent.Reappeared).Changed;
        if (c.LurePostId == post.PostId)
        {
            // Our own recheck saw it gone; an operator's "removed" alone is the verifier's to check, not ours.
            return c.State == TakedownState.VerifiedRemoved
                ? new LureMatch(c.RequestId, c.LurePostId, LureMatchKind.SamePost, $"{lure} is up again at the same address", true, false)
                : null;
        }

        if (c.Handle is null && post.SimHash is { } h && c.SimHash is { } l && Posts.SimHash.Distance(h, l) is var d && d <= Posts.SimHash.MaxDistance)
        {
            return new LureMatch(c.RequestId, c.LurePostId, LureMatchKind.NearDuplicate,
                $"near-duplicate of {lure}: SimHash {d.ToString(CultureInfo.InvariantCulture)} of 64 bits apart", removed, true);
        }

        if (c.Handle is null && post.DuplicateOf is { } root && (c.LurePostId == root || c.DuplicateOf == root))
        {
            return new LureMatch(c.RequestId, c.LurePostId, LureMatchKind.SameOriginal,
                $"near-duplicate of the same original post as {lure}", removed, true);
        }

        return c.Handle is { } handle
            ? new LureMatch(c.RequestId, c.LurePostId, LureMatchKind.SharedHandle, $"contact handle {handle} of {lure}", false, true)
            : null;
    }
}
