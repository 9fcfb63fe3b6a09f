using System.Text.RegularExpressions;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>The queue page's campaign filter and paging, over real HTTP against the crawled demo board.</summary>
public sealed partial class QueuePageTests : IAsyncLifetime
{
    private ReviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync(new Dictionary<string, string?> { ["Review:PageSize"] = "5" });
        await _app.CrawlAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_CoverTheWholeQueueOnce_InRiskOrder()
    {
        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        var seen = new List<string>();
        var scores = new List<double>();
        var url = "/queue?status=open&order=risk";
        for (var guard = 0; url is not null && guard < 20; guard++)
        {
            var page = await client.GetStringAsync(url);
            var ids = ItemRegex().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.InRange(ids.Count, 1, 5);
            seen.AddRange(ids);
            scores.AddRange(ScoreRegex().Matches(page).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            var next = NextRegex().Match(page);
            url = next.Success ? System.Net.WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.Equal(16, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task CampaignFilter_ShowsOnlyPostsCarryingTheHandle()
    {
        using var client = await _app.ClientAsync("kim", "reviewer-pass-1");
        var page = await client.GetStringAsync("/queue?campaign=" + Uri.EscapeDataString("@dalbit_hr24"));
        var rows = RowRegex().Matches(page).Select(m => m.Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains("dalbit_hr24", r, StringComparison.Ordinal));
        Assert.Contains("value=\"@dalbit_hr24\"", page, StringComparison.Ordinal);
        Assert.Contains("이 목록에 게시물이 없습니다", await client.GetStringAsync("/queue?campaign=%40nobody_here"), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-href=\"/items/(\\d+)\"")]
    private static partial Regex ItemRegex();

    [GeneratedRegex("<td class=\"score\">([0-9.]+)</td>")]
    private static partial Regex ScoreRegex();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex NextRegex();

    [GeneratedRegex("<tr data-href=[\\s\\S]*?</tr>")]
    private static partial Regex RowRegex();
}
