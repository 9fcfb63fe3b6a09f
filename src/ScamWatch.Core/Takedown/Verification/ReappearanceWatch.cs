using Microsoft.Extensions.Logging;
using ScamWatch.Posts;

namespace ScamWatch.Takedown.Verification;

/// <summary>
/// Called for every stored post: is it a confirmed lure back again (the same post after a verified removal, nearly the
/// same text anywhere, or a lure's contact handle)? Moves each matching removed request to reappeared, linked to the
/// post, and tells the ingestor whether the post must go to review whatever its score.
/// </summary>
public sealed class ReappearanceWatch(VerificationStore store, TakedownStore takedowns, ILogger<ReappearanceWatch> logger)
{
    public const string Actor = "reappearance-watch";

    public async Task<Reappearance> ExamineAsync(StoredVersion stored, DateTimeOffset now, CancellationToken ct)
    {
        // An unchanged post can only be a lure's own post seen again; text and handles are matched when they change.
        var candidates = new List<LureCandidate>(await store.SamePostAsync(stored.PostId, ct).ConfigureAwait(false));
        if (stored.IsChanged)
        {
            candidates.AddRange(await store.TextCandidatesAsync(stored.PostId, ct).ConfigureAwait(false));
            candidates.AddRange(await store.HandleCandidatesAsync(stored.PostId, ct).ConfigureAwait(false));
        }

        if (candidates.Count == 0 || await store.FingerprintAsync(stored.PostId, stored.IsChanged, ct).ConfigureAwait(false) is not { } post)
        {
            return Reappearance.None;
        }

        var matches = ReappearanceDecision.Decide(post, candidates);
        foreach (var m in matches)
        {
            logger.LogInformation("Post {PostId} ({Site} {SitePostId}) matches takedown request {RequestId}: {MatchKind}, {Reason}",
                post.PostId, post.Site, post.SitePostId, m.RequestId, m.Kind, m.Reason);
            if (m.MovesRequest)
            {
                var note = $"reposted as post {post.PostId} ({post.Site} {post.SitePostId}): {m.Reason}";
                var t = await takedowns.TransitionAsync(m.RequestId, TakedownEvent.Reappeared, Actor, note, now, reappearedPostId: post.PostId, ct: ct).ConfigureAwait(false);
                if (!t.Changed)
                {
                    logger.LogInformation("Takedown request {RequestId} not moved to reappeared: {Reason}", m.RequestId, t.Reason);
                }
            }
        }

        return new Reappearance(matches);
    }
}
