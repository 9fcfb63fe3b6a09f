using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown;

public sealed class TakedownLifecycleTests
{
    [Theory]
    [InlineData("pending", TakedownEvent.Sent, "sent")]
    [InlineData("sent", TakedownEvent.Acknowledged, "acknowledged")]
    [InlineData("pending", TakedownEvent.Acknowledged, "acknowledged")] // an operator pulling may answer before we mark it sent
    [InlineData("acknowledged", TakedownEvent.Removed, "removed")]
    [InlineData("acknowledged", TakedownEvent.Refused, "refused")]
    [InlineData("sent", TakedownEvent.DeadlinePassed, "no-response")]
    [InlineData("no-response", TakedownEvent.Removed, "removed")]
    [InlineData("removed", TakedownEvent.VerifiedGone, "verified-removed")]
    [InlineData("refused", TakedownEvent.VerifiedGone, "verified-removed")]
    [InlineData("verified-removed", TakedownEvent.Reappeared, "reappeared")]
    [InlineData("reappeared", TakedownEvent.VerifiedGone, "verified-removed")]
    public void Allowed_MovesToTheNextState(string from, TakedownEvent e, string to)
    {
        var t = TakedownLifecycle.Next(from, e);
        Assert.True(t.Allowed, t.Reason);
        Assert.True(t.Changed);
        Assert.Equal(to, t.To);
    }

    [Theory]
    [InlineData("sent", TakedownEvent.Sent)]
    [InlineData("acknowledged", TakedownEvent.Acknowledged)]
    [InlineData("removed", TakedownEvent.Removed)]
    public void Repeated_IsAcceptedAndChangesNothing(string from, TakedownEvent e)
    {
        var t = TakedownLifecycle.Next(from, e);
        Assert.True(t.Allowed);
        Assert.False(t.Changed);
        Assert.Equal(from, t.To);
    }

    [Theory]
    [InlineData("acknowledged", TakedownEvent.Sent)]
    [InlineData("verified-removed", TakedownEvent.Acknowledged)]
    [InlineData("verified-removed", TakedownEvent.Removed)]
    [InlineData("pending", TakedownEvent.DeadlinePassed)]
    [InlineData("pending", TakedownEvent.VerifiedGone)]
    [InlineData("sent", TakedownEvent.Reappeared)]
    [InlineData("refused", TakedownEvent.Removed)]
    public void Refused_SaysWhyAndStays(string from, TakedownEvent e)
    {
        var t = TakedownLifecycle.Next(from, e);
        Assert.False(t.Allowed);
        Assert.Equal(from, t.To);
        Assert.Contains("cannot become", t.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStateAndEvent_HasAnAnswer()
    {
        foreach (var state in TakedownState.All)
        {
            foreach (var e in Enum.GetValues<TakedownEvent>())
            {
                var t = TakedownLifecycle.Next(state, e);
                Assert.Contains(t.To, TakedownState.All);
                Assert.False(string.IsNullOrEmpty(t.Reason));
            }
        }
    }
}
