using Microsoft.Extensions.Time.Testing;
using ScamWatch.Crawling;

namespace ScamWatch.Tests.Crawling;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task Enter_SecondRequestToSameHost_WaitsForTheMinimumGap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var throttle = new HostThrottle(clock);
        using (await throttle.EnterAsync("a.test", 1, TimeSpan.FromSeconds(2), CancellationToken.None))
        {
        }

        var second = throttle.EnterAsync("a.test", 1, TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();

        // Another host is not held up by the first.
        var other = throttle.EnterAsync("b.test", 1, TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.True(other.IsCompleted);
        (await other).Dispose();
    }

    [Theory]
    [InlineData(1000, null, 30_000, 1000)]
    [InlineData(1000, 2000, 30_000, 2000)]
    [InlineData(3000, 2000, 30_000, 3000)]
    [InlineData(1000, 120_000, 30_000, 30_000)]
    [InlineData(0, 0, 30_000, 0)]
    public void EffectiveDelay_CrawlDelayWinsWhenLargerUpToTheCap(int siteMs, int? crawlDelayMs, int capMs, int expectedMs)
    {
        var delay = CrawlRun.EffectiveDelay(TimeSpan.FromMilliseconds(siteMs), crawlDelayMs is { } c ? TimeSpan.FromMilliseconds(c) : null, TimeSpan.FromMilliseconds(capMs));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public async Task Enter_MaxConcurrencyOne_SecondWaitsForRelease()
    {
        var throttle = new HostThrottle(new FakeTimeProvider());
        var first = await throttle.EnterAsync("a.test", 1, TimeSpan.Zero, CancellationToken.None);
        var second = throttle.EnterAsync("a.test", 1, TimeSpan.Zero, CancellationToken.None);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Enter_Cancelled_ReleasesItsSlot()
    {
        var throttle = new HostThrottle(new FakeTimeProvider());
        var held = await throttle.EnterAsync("a.test", 1, TimeSpan.Zero, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = throttle.EnterAsync("a.test", 1, TimeSpan.Zero, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        (await throttle.EnterAsync("a.test", 1, TimeSpan.Zero, CancellationToken.None)).Dispose();
    }
}
