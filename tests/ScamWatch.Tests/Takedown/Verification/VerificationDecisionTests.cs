using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Tests.Takedown.Verification;

public sealed class VerificationDecisionTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    // Sent one hour after the decision, with a three-day deadline.
    private static TakedownRequest Request(string state, bool sent = true) => new()
    {
        Id = 7,
        State = state,
        Url = "http://board.test/jobs/view?no=1",
        DecidedAt = Iso.ToText(Decided),
        SentAt = sent ? Iso.ToText(Decided.AddHours(1)) : null,
        DeadlineAt = sent ? Iso.ToText(Decided.AddHours(1).AddDays(3)) : null,
    };

    private static PageCheck Page(PageState state) => state switch
    {
        PageState.Gone => new PageCheck(state, "http://board.test/jobs/view?no=1", "HTTP 404"),
        PageState.Up => new PageCheck(state, "http://board.test/jobs/view?no=1", "HTTP 200, no removal marker"),
        _ => new PageCheck(state, "http://board.test/jobs/view?no=1", "HTTP 503"),
    };

    [Theory]
    // state, sent, page, hours after the decision, verdict, event (null: none), reason contains
    [InlineData("sent", true, PageState.Gone, 6, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "gone (HTTP 404) 5h after it was sent")]
    [InlineData("acknowledged", true, PageState.Gone, 6, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "5h after it was sent")]
    [InlineData("removed", true, PageState.Gone, 6, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "5h after it was sent")]
    [InlineData("refused", true, PageState.Gone, 6, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "5h after it was sent")]
    [InlineData("no-response", true, PageState.Gone, 200, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "8d 7h after it was sent")]
    [InlineData("removed", false, PageState.Gone, 6, VerificationVerdict.Gone, TakedownEvent.VerifiedGone, "6h after it was decided (never sent)")]
    [InlineData("sent", true, PageState.Up, 6, VerificationVerdict.StillUp, null, "deadline 2026-11-28T10:00:00.000Z is 2d 19h away")]
    [InlineData("sent", true, PageState.Up, 72, VerificationVerdict.StillUp, null, "is 1h away")]
    [InlineData("sent", true, PageState.Up, 73, VerificationVerdict.Overdue, TakedownEvent.DeadlinePassed, "0s past the deadline")]
    [InlineData("sent", true, PageState.Up, 74, VerificationVerdict.Overdue, TakedownEvent.DeadlinePassed, "still up (HTTP 200, no removal marker) 1h past the deadline")]
    [InlineData("acknowledged", true, PageState.Up, 100, VerificationVerdict.Overdue, TakedownEvent.DeadlinePassed, "1d 3h past the deadline")]
    [InlineData("no-response", true, PageState.Up, 100, VerificationVerdict.Overdue, null, "past the deadline")]
    [InlineData("removed", true, PageState.Up, 100, VerificationVerdict.Overdue, null, "although the platform reported it removed")]
    [InlineData("removed", true, PageState.Up, 6, VerificationVerdict.StillUp, null, "away")]
    [InlineData("refused", true, PageState.Up, 100, VerificationVerdict.StillUp, null, "the platform refused removal")]
    [InlineData("removed", false, PageState.Up, 100, VerificationVerdict.StillUp, null, "no deadline set")]
    [InlineData("sent", true, PageState.Unknown, 100, VerificationVerdict.Error, null, "http://board.test/jobs/view?no=1: HTTP 503")]
    [InlineData("no-response", true, PageState.Unknown, 6, VerificationVerdict.Error, null, "HTTP 503")]
    [InlineData("pending", false, PageState.Gone, 6, VerificationVerdict.NotDue, null, "request is pending, not awaiting removal")]
    [InlineData("verified-removed", true, PageState.Up, 6, VerificationVerdict.NotDue, null, "not awaiting removal")]
    [InlineData("reappeared", true, PageState.Gone, 6, VerificationVerdict.NotDue, null, "not awaiting removal")]
    public void Decide_Table(string state, bool sent, PageState page, int hours, VerificationVerdict verdict, TakedownEvent? e, string reason)
    {
        var outcome = VerificationDecision.Decide(Request(state, sent), Page(page), Decided.AddHours(hours));

        Assert.Equal(verdict, outcome.Verdict);
        Assert.Equal(e, outcome.Event);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(verdict == VerificationVerdict.Gone, outcome.TimeToTakedown is not null);
        Assert.Equal(verdict == VerificationVerdict.Overdue, outcome.Overdue is not null);
    }

    [Fact]
    public void Decide_Gone_TimeToTakedownFromSentAt_OrFromDecidedAtWhenNeverSent()
    {
        var now = Decided.AddHours(6);

        Assert.Equal(TimeSpan.FromHours(5), VerificationDecision.Decide(Request("sent"), Page(PageState.Gone), now).TimeToTakedown);
        Assert.Equal(TimeSpan.FromHours(6), VerificationDecision.Decide(Request("removed", sent: false), Page(PageState.Gone), now).TimeToTakedown);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(3600 * 5, "5h")]
    [InlineData((86400 * 2) + (3600 * 3) + (60 * 5), "2d 3h 5m")]
    [InlineData(-3600, "-1h")]
    public void Describe_Durations(int seconds, string expected) =>
        Assert.Equal(expected, VerificationDecision.Describe(TimeSpan.FromSeconds(seconds)));
}
