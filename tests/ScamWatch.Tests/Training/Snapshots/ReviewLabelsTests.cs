using ScamWatch.Review;
using ScamWatch.Training;

namespace ScamWatch.Tests.Training.Snapshots;

public sealed class ReviewLabelsTests
{
    private static ReviewedDecision D(long id, long post, string decision, string at, int version = 1, string reviewer = "kim") => new()
    {
        DecisionId = id,
        PostId = post,
        PostVersionId = post * 10 + version,
        VersionNo = version,
        Reviewer = reviewer,
        Decision = decision,
        DecidedAt = at,
        Site = "albaplus",
        SitePostId = "p" + post,
        Url = $"https://albaplus.example/{post}",
        Title = $"post {post} version {version}",
        Body = $"body of post {post} version {version}",
    };

    [Theory]
    [InlineData("confirmed", "lure")]
    [InlineData("rejected", "legit")]
    public void Resolve_OneFinalDecision_LabelsTheReviewedVersion(string decision, string label)
    {
        var r = ReviewLabels.Resolve([D(1, 7, decision, "2026-11-01T00:00:00Z", version: 2)]);

        var example = Assert.Single(r.Examples);
        Assert.Equal(label, example.Record.Label);
        Assert.Equal("post 7 version 2", example.Record.Title);
        Assert.Equal("review:albaplus/p7@v2", example.Record.Id);
        Assert.Empty(r.Conflicts);
    }

    [Theory]
    [InlineData("escalated")]
    [InlineData("second-review")]
    public void Resolve_OnlyProvisionalDecisions_ExcludesThePost(string decision)
    {
        var r = ReviewLabels.Resolve([D(1, 7, decision, "2026-11-01T00:00:00Z")]);

        Assert.Empty(r.Examples);
        Assert.Equal(1, r.ExcludedPosts);
    }

    [Fact]
    public void Resolve_SecondReviewThenConfirmation_IsALureWithoutConflict()
    {
        var r = ReviewLabels.Resolve([
            D(1, 7, "second-review", "2026-11-01T00:00:00Z", reviewer: "kim"),
            D(2, 7, "confirmed", "2026-11-01T01:00:00Z", reviewer: "lee")]);

        Assert.Equal("lure", Assert.Single(r.Examples).Record.Label);
        Assert.Empty(r.Conflicts);
    }

    [Fact]
    public void Resolve_ProvisionalConfirmationRejectedOnSecondReview_RejectionWinsAndIsReported()
    {
        var r = ReviewLabels.Resolve([
            D(1, 7, "second-review", "2026-11-01T00:00:00Z", reviewer: "kim"),
            D(2, 7, "rejected", "2026-11-01T01:00:00Z", reviewer: "lee")]);

        Assert.Equal("legit", Assert.Single(r.Examples).Record.Label);
        var conflict = Assert.Single(r.Conflicts);
        Assert.Equal(2, conflict.WinnerDecisionId);
        Assert.Equal(2, conflict.Decisions.Count);
    }

    [Fact]
    public void Resolve_RejectedThenLaterSecondReviewedConfirmation_LaterConfirmationWinsOnItsVersion()
    {
        var r = ReviewLabels.Resolve([
            D(1, 7, "rejected", "2026-11-01T00:00:00Z", version: 1),
            D(2, 7, "second-review", "2026-11-03T00:00:00Z", version: 2, reviewer: "kim"),
            D(3, 7, "confirmed", "2026-11-03T01:00:00Z", version: 2, reviewer: "lee")]);

        var example = Assert.Single(r.Examples);
        Assert.Equal("lure", example.Record.Label);
        Assert.Equal("post 7 version 2", example.Record.Title);
        var conflict = Assert.Single(r.Conflicts);
        Assert.Equal(3, conflict.WinnerDecisionId);
        Assert.Contains("both labels", conflict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConfirmedThenLaterRejected_LatestWinsRegardlessOfRowOrder()
    {
        var r = ReviewLabels.Resolve([
            D(9, 7, "rejected", "2026-11-05T00:00:00Z", version: 2),
            D(4, 7, "confirmed", "2026-11-01T00:00:00Z", version: 1)]);

        Assert.Equal("legit", Assert.Single(r.Examples).Record.Label);
        Assert.Equal(9, Assert.Single(r.Conflicts).WinnerDecisionId);
    }

    [Fact]
    public void Resolve_SameTimestamp_LaterDecisionIdWins()
    {
        var r = ReviewLabels.Resolve([
            D(5, 7, "confirmed", "2026-11-01T00:00:00Z"),
            D(6, 7, "rejected", "2026-11-01T00:00:00Z")]);

        Assert.Equal("legit", Assert.Single(r.Examples).Record.Label);
    }
}
