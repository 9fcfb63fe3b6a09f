using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Tests.Support;
using ScamWatch.Web;

namespace ScamWatch.Tests.Web;

/// <summary>The figures page: per platform counts by state, median time to takedown, overdue requests.</summary>
public sealed class TakedownFiguresTests : IAsyncLifetime
{
    private ReviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new double[] { 5 }, 5.0)]
    [InlineData(new double[] { 1, 2, 9 }, 2.0)]
    [InlineData(new double[] { 1, 2, 4, 9 }, 3.0)]
    public void Median_OfSortedSpans_IsTheMiddleOrTheMeanOfTheTwoMiddles(double[] hours, double? expected) =>
        Assert.Equal(expected is null ? null : TimeSpan.FromHours(expected.Value), TakedownFigures.Median(hours.Select(TimeSpan.FromHours).ToList()));

    [Fact]
    public async Task Figures_CountByState_MedianTimeToTakedown_AndOverdueList_OnThePageToo()
    {
        var requests = await TakedownSeed.ConfirmAsync(_app, 2);
        var store = _app.App.Services.GetRequiredService<TakedownStore>();
        var now = _app.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var deadline = TimeSpan.FromDays(3);
        var (late, quick) = (requests.Albaplus[0], requests.Albaplus[1]);
        await store.TransitionAsync(late, TakedownEvent.Sent, "test", null, now.AddDays(-10), deadline);
        await store.TransitionAsync(quick, TakedownEvent.Sent, "test", null, now.AddDays(-5), deadline);
        await store.TransitionAsync(quick, TakedownEvent.Removed, "test", null, now.AddDays(-5).AddHours(2));
        await store.TransitionAsync(requests.Other[0], TakedownEvent.Sent, "test", null, now.AddDays(-1), deadline);
        await store.TransitionAsync(requests.Other[0], TakedownEvent.Removed, "test", null, now.AddDays(-1).AddHours(6));

        var figures = await TakedownFigures.ComputeAsync(_app.App.Services.GetRequiredService<Database>(), now, CancellationToken.None);
        var alba = Assert.Single(figures, f => f.Platform == "albaplus");
        Assert.Equal(2, alba.Total);
        Assert.Equal(1, alba.ByState[TakedownState.Sent]);
        Assert.Equal(1, alba.ByState[TakedownState.Removed]);
        Assert.Equal(TimeSpan.FromHours(2), alba.MedianTimeToTakedown);
        var overdue = Assert.Single(alba.Overdue);
        Assert.Equal(late, overdue.Id);
        Assert.Equal(7, Math.Round(overdue.Late.TotalDays, 3));
        var other = Assert.Single(figures, f => f.Platform == TakedownSeed.OtherSite);
        Assert.Equal(1, other.ByState[TakedownState.Pending]);
        Assert.Equal(TimeSpan.FromHours(6), other.MedianTimeToTakedown);
        Assert.Empty(other.Overdue);

        using var analyst = await _app.ClientAsync("ana", "analyst-pass-1");
        var html = await analyst.GetStringAsync("/takedowns/stats");
        Assert.Contains("2시간 0분 (1)", html, StringComparison.Ordinal);
        Assert.Contains("6시간 0분 (1)", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{late}</td>", html, StringComparison.Ordinal);
        Assert.Contains("7일 0시간", html, StringComparison.Ordinal);

        // The operator's own page marks the same request overdue.
        using var op = await _app.ClientAsync("op", "operator-pass-1");
        var page = await op.GetStringAsync("/operator");
        Assert.Matches(OverdueRow(late), page);
        Assert.DoesNotMatch(OverdueRow(quick), page);
    }

    private static Regex OverdueRow(long id) => new($"id=\"request-{id}\" data-state=\"[a-z-]+\" class=\"request overdue\"");
}
