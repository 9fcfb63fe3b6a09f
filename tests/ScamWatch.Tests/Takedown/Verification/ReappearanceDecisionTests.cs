using ScamWatch.Takedown.Verification;

namespace ScamWatch.Tests.Takedown.Verification;

public sealed class ReappearanceDecisionTests
{
    private const ulong Lure = 0x0123_4567_89AB_CDEFUL;

    // The new post: id 50, its text hashed to Lure with `bits` flipped, linked to post `root` as its original.
    private static PostFingerprint Post(int bits = 0, long? root = null, bool changed = true) =>
        new(50, "mirror", "9001", changed, Lure ^ ((1UL << bits) - 1), root);

    private static LureCandidate Candidate(string state, long lurePost = 10, ulong? hash = Lure, long? lureRoot = null, string? handle = null) => new()
    {
        RequestId = 3,
        LurePostId = lurePost,
        State = state,
        Platform = "albaplus",
        SitePostId = "10023",
        SimHash = handle is null ? hash : null,
        DuplicateOf = lureRoot,
        Handle = handle,
    };

    public static TheoryData<string, PostFingerprint, LureCandidate, LureMatchKind?, bool, bool> Cases => new()
    {
        // name, post, candidate, kind (null: no match), moves the request, queues the post
        { "same text, removed verified", Post(0), Candidate("verified-removed"), LureMatchKind.NearDuplicate, true, true },
        { "same text, operator said removed", Post(0), Candidate("removed"), LureMatchKind.NearDuplicate, true, true },
        { "7 bits apart", Post(7), Candidate("verified-removed"), LureMatchKind.NearDuplicate, true, true },
        { "8 bits apart: a shared phrase, not the lure", Post(8), Candidate("verified-removed"), null, false, false },
        { "copy of a lure still up: review, nothing to reappear", Post(0), Candidate("sent"), LureMatchKind.NearDuplicate, false, true },
        { "already reappeared: review only", Post(0), Candidate("reappeared"), LureMatchKind.NearDuplicate, false, true },
        { "same original (chain)", Post(20, root: 4), Candidate("verified-removed", lureRoot: 4), LureMatchKind.SameOriginal, true, true },
        { "linked to the lure itself", Post(20, root: 10), Candidate("verified-removed", hash: null), LureMatchKind.SameOriginal, true, true },
        { "different original", Post(20, root: 4), Candidate("verified-removed", lureRoot: 5), null, false, false },
        { "shared handle only", Post(30), Candidate("verified-removed", handle: "@dalbit_hr24"), LureMatchKind.SharedHandle, false, true },
        { "shared handle of a pending lure", Post(30), Candidate("pending", handle: "@dalbit_hr24"), LureMatchKind.SharedHandle, false, true },
        { "the lure's own post back after verified removal", Post(20) with { PostId = 10, IsChanged = false }, Candidate("verified-removed"), LureMatchKind.SamePost, true, false },
        { "the lure's own post, still awaiting removal", Post(20) with { PostId = 10 }, Candidate("sent"), null, false, false },
        { "the lure's own post, operator claims removed", Post(20) with { PostId = 10 }, Candidate("removed"), null, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(string name, PostFingerprint post, LureCandidate candidate, LureMatchKind? kind, bool moves, bool queues)
    {
        var matches = ReappearanceDecision.Decide(post, [candidate]);

        Assert.True(kind is null ? matches.Count == 0 : matches.Count == 1, name);
        if (kind is not null)
        {
            Assert.Equal(kind, matches[0].Kind);
            Assert.Equal(moves, matches[0].MovesRequest);
            Assert.Equal(queues, matches[0].QueuesPost);
            Assert.Contains("albaplus post 10023 (takedown request 3", matches[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_TextAndHandleForOneRequest_KeepsTheStrongerTextMatch()
    {
        var matches = ReappearanceDecision.Decide(Post(0), [Candidate("verified-removed", handle: "@dalbit_hr24"), Candidate("verified-removed")]);

        var match = Assert.Single(matches);
        Assert.Equal(LureMatchKind.NearDuplicate, match.Kind);
        Assert.Contains("SimHash 0 of 64 bits apart", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AddsNamedZeroWeightReasons_AndMustReview()
    {
        var verdict = new ScamWatch.Classification.Verdict(0.2, false, 0.6, "m1", []);
        var handleOnly = new Reappearance(ReappearanceDecision.Decide(Post(30), [Candidate("verified-removed", handle: "@x1234")]));
        var copy = new Reappearance(ReappearanceDecision.Decide(Post(0), [Candidate("verified-removed")]));

        Assert.True(handleOnly.MustReview);
        Assert.Equal(Reappearance.LureHandle, Assert.Single(handleOnly.Explain(verdict).Reasons).Name);
        var reason = Assert.Single(copy.Explain(verdict).Reasons);
        Assert.Equal((Reappearance.ReappearedLure, "rule", 0.0), (reason.Name, reason.Kind, reason.Weight));
        Assert.Same(verdict, Reappearance.None.Explain(verdict));
        Assert.False(Reappearance.None.MustReview);
    }
}
