using ScamWatch.Sites;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Verification;
using ScamWatch.Tests.Support.TestSites;

namespace ScamWatch.Tests.Takedown.Verification;

/// <summary>A removed lure posted again, found by the next crawl: the original request reappears, linked, and the copy goes to review.</summary>
public sealed class ReappearanceTests
{
    private static readonly int[] Board = [10023, 10045, 10004, 10058];

    /// <summary>Lure 10023 confirmed on albaplus, sent, taken down by the board and verified removed.</summary>
    private static async Task<TakedownRequest> RemovedLureAsync(VerificationWorld world)
    {
        var (board, site) = await world.StartBoardAsync("albaplus", VerificationWorld.DemoPosts(Board));
        await world.CrawlAsync(site);
        var request = await world.ConfirmAsync("albaplus", "10023");
        await world.SendAsync(request.Id, TimeSpan.FromDays(3));
        world.Clock.Advance(TimeSpan.FromHours(4));
        board.Remove(10023);
        Assert.Equal(VerificationVerdict.Gone, Assert.Single((await world.VerifyAsync()).Items).Outcome.Verdict);
        world.Clock.Advance(TimeSpan.FromDays(1));
        return request;
    }

    [Fact]
    public async Task Crawl_RemovedLureRepostedOnAnotherSite_ReappearsLinkedAndQueuedBelowThreshold()
    {
        await using var world = await VerificationWorld.CreateAsync();
        var request = await RemovedLureAsync(world);
        var lure = VerificationWorld.DemoPost(10023);
        var ordinary = VerificationWorld.DemoPost(10203);
        // The copy: same text under a new number, the title re-spaced. The other post borrows one of the lure's sentences.
        var copy = lure with { No = 30001, Title = lure.Title.Replace(" / ", " ", StringComparison.Ordinal), Author = "새계정" };
        var borrower = ordinary with { No = 30002, Body = ordinary.Body + "\n한국 고객 대상 상담 업무입니다. 컴퓨터 기본만 하시면 됩니다." };
        var (_, mirror) = await world.StartBoardAsync("mirror", [copy, borrower]);
        world.RaiseThresholdOutOfReach();

        await world.CrawlAsync(mirror);

        var copyId = await world.PostIdAsync("mirror", "30001");
        var after = (await world.RequestAsync(request.Id))!;
        Assert.Equal(TakedownState.Reappeared, after.State);
        Assert.Equal(copyId, after.ReappearedPostId);
        var last = (await world.Takedowns.EventsAsync(request.Id))[^1];
        Assert.Equal(("reappeared", ReappearanceWatch.Actor, "verified-removed"), (last.Event, last.Actor, last.FromState));
        Assert.Contains($"reposted as post {copyId} (mirror 30001): near-duplicate of confirmed lure albaplus post 10023", last.Note, StringComparison.Ordinal);

        var queued = await world.QueuedAsync(copyId);
        Assert.NotNull(queued);
        Assert.Equal("open", queued.Value.Status);
        Assert.False(queued.Value.Flagged); // below the threshold: queued because it repeats the lure
        Assert.Contains(queued.Value.Reasons, r => r.Name == Reappearance.ReappearedLure && r.Text.Contains($"takedown request {request.Id}", StringComparison.Ordinal));

        Assert.Null(await world.QueuedAsync(await world.PostIdAsync("mirror", "30002")));
    }

    [Fact]
    public async Task Crawl_SameContactHandleOnly_QueuesForReviewButLeavesTheRequest()
    {
        await using var world = await VerificationWorld.CreateAsync();
        var request = await RemovedLureAsync(world);
        // 10067 is another lure by the same Telegram account with different text.
        var (_, mirror) = await world.StartBoardAsync("mirror", [VerificationWorld.DemoPost(10067) with { No = 30003 }]);
        world.RaiseThresholdOutOfReach();

        await world.CrawlAsync(mirror);

        var queued = await world.QueuedAsync(await world.PostIdAsync("mirror", "30003"));
        Assert.NotNull(queued);
        var reason = Assert.Single(queued.Value.Reasons, r => r.Name == Reappearance.LureHandle);
        Assert.Contains("contact handle @dalbit_hr24", reason.Text, StringComparison.Ordinal);
        var after = (await world.RequestAsync(request.Id))!;
        Assert.Equal(TakedownState.VerifiedRemoved, after.State);
        Assert.Null(after.ReappearedPostId);
    }

    [Fact]
    public async Task Crawl_RemovedLureRepostedUnderNewNumberOnTheSameSite_Reappears()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await using var site = TestSite.OldBoardEucKr(world.Clock);
        await site.StartAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        world.Register(definition);
        await world.CrawlAsync(definition);
        var lure = site.Expected.First(p => p.IsLure);
        var request = await world.ConfirmAsync(definition.Name, lure.SitePostId);
        await world.SendAsync(request.Id, TimeSpan.FromDays(3));
        world.Clock.Advance(TimeSpan.FromHours(6));

        // Deleted after the request, then posted again by the same author under a new number.
        site.Repost(lure.SitePostId, "880001");
        site.DeletePost(lure.SitePostId);
        var verified = Assert.Single((await world.VerifyAsync()).Items);
        Assert.Equal(VerificationVerdict.Gone, verified.Outcome.Verdict);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.CrawlAsync(definition);

        var repostId = await world.PostIdAsync(definition.Name, "880001");
        var after = (await world.RequestAsync(request.Id))!;
        Assert.Equal((TakedownState.Reappeared, repostId), (after.State, after.ReappearedPostId));
        Assert.Equal("open", (await world.QueuedAsync(repostId))!.Value.Status);
    }
}
