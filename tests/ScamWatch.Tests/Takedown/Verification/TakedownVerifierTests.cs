using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Sites;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Verification;
using ScamWatch.Tests.Support.TestSites;

namespace ScamWatch.Tests.Takedown.Verification;

/// <summary>The verifier against real job sites on loopback: a confirmed, sent lure is looked at again through the crawler's fetcher.</summary>
public sealed class TakedownVerifierTests
{
    // 10023 and 10045 are lures; 10004 and 10058 ordinary posts.
    private static readonly int[] Board = [10023, 10045, 10004, 10058];

    [Fact]
    public async Task Verify_LureRemovedAfterSending_IsVerifiedRemovedWithTimeToTakedown()
    {
        await using var world = await VerificationWorld.CreateAsync();
        var (board, site) = await world.StartBoardAsync("albaplus", VerificationWorld.DemoPosts(Board));
        await world.CrawlAsync(site);
        var request = await world.ConfirmAsync("albaplus", "10023");
        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await world.SendAsync(request.Id, TimeSpan.FromDays(3));

        world.Clock.Advance(TimeSpan.FromHours(5));
        board.Remove(10023);
        var report = await world.VerifyAsync();

        var item = Assert.Single(report.Items);
        Assert.Equal(VerificationVerdict.Gone, item.Outcome.Verdict);
        Assert.Equal(TimeSpan.FromHours(5), item.Outcome.TimeToTakedown);
        Assert.Equal((TakedownState.Sent, TakedownState.VerifiedRemoved), (item.StateBefore, item.StateAfter));
        Assert.Contains("gone (HTTP 404) 5h after it was sent", item.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(5), report.MedianTimeToTakedown);
        var after = (await world.RequestAsync(request.Id))!;
        Assert.Equal(TakedownState.VerifiedRemoved, after.State);
        Assert.Equal("2026-11-25T14:30:00.000Z", after.VerifiedAt);
        Assert.Equal("2026-11-25T09:30:00.000Z", after.SentAt);
        Assert.Equal(after.VerifiedAt, after.CheckedAt);
        var last = (await world.Takedowns.EventsAsync(request.Id))[^1];
        Assert.Equal(("verified-gone", TakedownVerifier.Actor, "sent", "verified-removed"), (last.Event, last.Actor, last.FromState, last.ToState));
        Assert.Contains("HTTP 404", last.Note, StringComparison.Ordinal);
        var post = await world.Services.GetRequiredService<ScamWatch.Posts.PostStore>().GetAsync(request.PostId);
        Assert.Equal("2026-11-25T14:30:00.000Z", post!.RemovedAt);

        // Nothing is awaiting removal any more: the next run checks nothing.
        Assert.Equal(0, (await world.VerifyAsync()).Checked);
    }

    [Fact]
    public async Task Verify_StillUp_RecordsTheCheck_ThenPastTheDeadline_IsOverdueAndNoResponse()
    {
        await using var world = await VerificationWorld.CreateAsync();
        var (_, site) = await world.StartBoardAsync("albaplus", VerificationWorld.DemoPosts(Board));
        await world.CrawlAsync(site);
        var request = await world.ConfirmAsync("albaplus", "10023");
        await world.SendAsync(request.Id, TimeSpan.FromDays(3));

        world.Clock.Advance(TimeSpan.FromHours(1));
        var early = Assert.Single((await world.VerifyAsync()).Items);
        Assert.Equal(VerificationVerdict.StillUp, early.Outcome.Verdict);
        Assert.Contains("deadline 2026-11-28T09:00:00.000Z is 2d 23h away", early.Outcome.Reason, StringComparison.Ordinal);
        var checkedOnce = (await world.RequestAsync(request.Id))!;
        Assert.Equal((TakedownState.Sent, "2026-11-25T10:00:00.000Z"), (checkedOnce.State, checkedOnce.CheckedAt));

        world.Clock.Advance(TimeSpan.FromDays(3));
        var report = await world.VerifyAsync();
        var overdue = Assert.Single(report.Overdue);
        Assert.Equal((TakedownState.Sent, TakedownState.NoResponse), (overdue.StateBefore, overdue.StateAfter));
        Assert.Equal(TimeSpan.FromHours(1), overdue.Outcome.Overdue);
        Assert.Contains("1h past the deadline", overdue.Outcome.Reason, StringComparison.Ordinal);
        var late = (await world.RequestAsync(request.Id))!;
        Assert.Equal(TakedownState.NoResponse, late.State);
        Assert.Equal("2026-11-28T10:00:00.000Z", late.OutcomeAt);
        Assert.Equal(("deadline-passed", TakedownVerifier.Actor), ((await world.Takedowns.EventsAsync(request.Id))[^1].Event, (await world.Takedowns.EventsAsync(request.Id))[^1].Actor));

        // Still listed overdue on the next run, without another state change.
        world.Clock.Advance(TimeSpan.FromHours(1));
        var events = (await world.Takedowns.EventsAsync(request.Id)).Count;
        var again = Assert.Single((await world.VerifyAsync()).Overdue);
        Assert.Equal((TakedownState.NoResponse, TakedownState.NoResponse), (again.StateBefore, again.StateAfter));
        Assert.Equal(events, (await world.Takedowns.EventsAsync(request.Id)).Count);
    }

    [Fact]
    public async Task Verify_SiteAnswers503_ChangesNothingAndReportsWhereAndWhy()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await using var site = TestSite.OldBoardEucKr(world.Clock);
        await site.StartAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        world.Register(definition);
        await world.CrawlAsync(definition);
        var lure = site.Expected.First(p => p.IsLure);
        var request = await world.ConfirmAsync(definition.Name, lure.SitePostId);
        await world.SendAsync(request.Id, TimeSpan.FromDays(1));
        world.Clock.Advance(TimeSpan.FromDays(2));
        var before = (await world.RequestAsync(request.Id))!;
        var events = await world.Takedowns.EventsAsync(request.Id);

        site.FailFirst503WithRetryAfter = true;
        var report = await world.VerifyAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal(VerificationVerdict.Error, error.Outcome.Verdict);
        Assert.Null(error.Outcome.Event);
        Assert.Equal($"{lure.Url}: HTTP 503", error.Outcome.Reason);
        Assert.Equal((TakedownState.Sent, TakedownState.Sent), (error.StateBefore, error.StateAfter));
        var after = (await world.RequestAsync(request.Id))!;
        Assert.Equal((before.State, before.CheckedAt, before.UpdatedAt, before.OutcomeAt), (after.State, after.CheckedAt, after.UpdatedAt, after.OutcomeAt));
        Assert.Equal(events.Count, (await world.Takedowns.EventsAsync(request.Id)).Count);
        Assert.Null((await world.Services.GetRequiredService<ScamWatch.Posts.PostStore>().GetAsync(request.PostId))!.RemovedAt);

        // Once the site answers again the same request is simply overdue.
        var retry = Assert.Single((await world.VerifyAsync()).Items);
        Assert.Equal(VerificationVerdict.Overdue, retry.Outcome.Verdict);
    }

    [Fact]
    public async Task Verify_CommunityBoardRemovalMarker_IsGone()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await using var site = TestSite.CommunityBoard(world.Clock);
        await site.StartAsync();
        var definition = SiteDefinitionLoader.Parse(site.SiteDefinitionJson());
        world.Register(definition);
        await world.CrawlAsync(definition);
        var lure = site.Expected.First(p => p.IsLure);
        var request = await world.ConfirmAsync(definition.Name, lure.SitePostId);
        await world.SendAsync(request.Id, TimeSpan.FromDays(1));
        world.Clock.Advance(TimeSpan.FromHours(2));

        site.DeletePost(lure.SitePostId);
        var item = Assert.Single((await world.VerifyAsync()).Items);

        Assert.Equal(VerificationVerdict.Gone, item.Outcome.Verdict);
        Assert.Contains($"removal marker \"{site.RemovalMarker}\"", item.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(2), item.Outcome.TimeToTakedown);
    }
}
