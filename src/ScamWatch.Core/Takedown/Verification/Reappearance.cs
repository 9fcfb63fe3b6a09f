using ScamWatch.Classification;

namespace ScamWatch.Takedown.Verification;

/// <summary>What the reappearance check found for one stored post: the matches, and what they mean for its review.</summary>
public sealed record Reappearance(IReadOnlyList<LureMatch> Matches)
{
    public static readonly Reappearance None = new([]);

    /// <summary>The rule-like reason names a match adds to the post's verdict.</summary>
    public const string ReappearedLure = "reappeared-lure";

    public const string LureHandle = "lure-contact-handle";

    /// <summary>The post goes to review whatever the model scored: it repeats a confirmed lure.</summary>
    public bool MustReview => Matches.Any(m => m.QueuesPost);

    /// <summary>
    /// The verdict with the matches added as named reasons (weight 0: they do not change the score, they explain why
    /// a post below the threshold is in the queue).
    /// </summary>
    public Verdict Explain(Verdict verdict) => Matches.Count == 0 ? verdict : verdict with
    {
        Reasons = [.. verdict.Reasons, .. Matches.Where(m => m.QueuesPost).Select(m =>
            new Reason("rule", m.Kind == LureMatchKind.SharedHandle ? LureHandle : ReappearedLure, 0, m.Reason))],
    };
}
