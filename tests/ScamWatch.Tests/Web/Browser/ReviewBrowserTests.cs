using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScamWatch.Review;
using ScamWatch.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ScamWatch.Tests.Web.Browser;

/// <summary>The reviewer's day in real headless Chromium: log in, work the queue by keyboard, confirm, see the audit entry.</summary>
public sealed partial class ReviewBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ReviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reviewer_WorksQueueByKeyboard_ConfirmsPost_ItLeavesQueue_AuditShowsDecision()
    {
        await using var session = await fixture.Browser.SessionAsync(_app.Url);
        var page = await session.LogInAsync("kim", "reviewer-pass-1");
        var rows = page.Locator("#queue tbody tr");
        Assert.True(await rows.CountAsync() >= 14);
        await Expect(rows.Nth(0)).ToHaveClassAsync(SelectedRegex());

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(2)).ToHaveClassAsync(SelectedRegex());
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveClassAsync(SelectedRegex());
        await Expect(rows.Nth(0)).Not.ToHaveClassAsync(SelectedRegex());

        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("#keys")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("#keys")).ToBeHiddenAsync();

        var href = (await rows.Nth(1).GetAttributeAsync("data-href"))!;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        await Expect(page.Locator(".text mark").First).ToBeVisibleAsync();
        await Expect(page.Locator("#form-confirm")).ToBeVisibleAsync();

        // c confirms and moves on to the next open item.
        await page.Keyboard.PressAsync("c");
        await page.WaitForURLAsync(url => !url.EndsWith(href, StringComparison.Ordinal));
        Assert.Matches(ItemUrlRegex(), page.Url);

        await page.GotoAsync(session.Url("/queue"));
        var hrefs = await page.Locator("#queue tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.href)");
        Assert.DoesNotContain(href, hrefs);

        await page.GotoAsync(session.Url(href));
        var audit = page.Locator("table.audit tr");
        await Expect(audit).ToHaveCountAsync(1);
        await Expect(audit.First).ToContainTextAsync("kim");
        await Expect(audit.First).ToContainTextAsync("confirmed");
        await Expect(audit.First).ToContainTextAsync("employment-fraud");
        await Expect(page.Locator("#form-confirm")).ToHaveCountAsync(0);

        var id = long.Parse(href.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var queue = _app.App.Services.GetRequiredService<ReviewQueue>();
        var item = await queue.GetAsync(id);
        Assert.Equal(ReviewStatus.Confirmed, item!.Status);
        var decision = Assert.Single(await queue.AuditForPostAsync(item.PostId));
        Assert.Equal("kim", decision.Reviewer);
        Assert.NotNull(decision.EvidenceSha256);
        Assert.Empty(session.Leaks);
        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public async Task SecondReviewer_SeesItemClaimed_AndTheKeysDecideNothing()
    {
        await using var kim = await fixture.Browser.SessionAsync(_app.Url);
        await using var lee = await fixture.Browser.SessionAsync(_app.Url);
        var kimPage = await kim.LogInAsync("kim", "reviewer-pass-1");
        var href = (await kimPage.Locator("#queue tbody tr").First.GetAttributeAsync("data-href"))!;
        await kimPage.GotoAsync(kim.Url(href));
        await Expect(kimPage.Locator("#form-confirm")).ToBeVisibleAsync();

        var leePage = await lee.LogInAsync("lee", "reviewer-pass-2");
        await leePage.GotoAsync(lee.Url(href));
        await Expect(leePage.Locator(".verdict")).ToContainTextAsync("검토 중: kim");
        await Expect(leePage.Locator("#form-confirm")).ToHaveCountAsync(0);
        await leePage.Keyboard.PressAsync("c");
        await leePage.Keyboard.PressAsync("n");
        await leePage.Keyboard.PressAsync("e");
        // The keys had no form to submit: the page is still the item and nothing was posted.
        Assert.EndsWith(href, leePage.Url, StringComparison.Ordinal);
        await leePage.ReloadAsync();
        Assert.DoesNotContain(lee.Requests, r => r.StartsWith("POST /items", StringComparison.Ordinal));

        var id = long.Parse(href.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var item = await _app.App.Services.GetRequiredService<ReviewQueue>().GetAsync(id);
        Assert.Equal(ReviewStatus.Open, item!.Status);
        Assert.Equal("kim", item.ClaimedBy);
    }

    [Fact]
    public async Task OpenItemPage_RenewsItsClaim_AndSaysSoWhenTheClaimIsLost()
    {
        await using var session = await fixture.Browser.SessionAsync(_app.Url);
        var page = await session.LogInAsync("kim", "reviewer-pass-1");
        var href = (await page.Locator("#queue tbody tr").First.GetAttributeAsync("data-href"))!;
        await page.Clock.InstallAsync();
        await page.GotoAsync(session.Url(href));
        var renewSeconds = int.Parse((await page.Locator(".item").GetAttributeAsync("data-renew-seconds"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(200, renewSeconds); // a third of the default 10-minute lease

        var renewed = await page.RunAndWaitForResponseAsync(() => page.Clock.RunForAsync(renewSeconds * 1000), r => r.Url.Contains("handler=Renew", StringComparison.Ordinal));
        Assert.Equal(200, renewed.Status);
        Assert.True(JsonDocument.Parse(await renewed.TextAsync()).RootElement.GetProperty("claimed").GetBoolean());
        await Expect(page.Locator(".notice.lost")).ToHaveCountAsync(0);

        // The lease lapses (the reviewer's machine slept) and another reviewer takes the item: the page says so.
        var id = long.Parse(href.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var queue = _app.App.Services.GetRequiredService<ReviewQueue>();
        Assert.True(await queue.ClaimAsync(id, "lee", DateTimeOffset.UtcNow.AddMinutes(11), TimeSpan.FromMinutes(10)));
        var lost = await page.RunAndWaitForResponseAsync(() => page.Clock.RunForAsync(renewSeconds * 1000), r => r.Url.Contains("handler=Renew", StringComparison.Ordinal));
        Assert.Equal(409, lost.Status);
        await Expect(page.Locator(".notice.lost")).ToBeVisibleAsync();
    }

    [GeneratedRegex("selected")]
    private static partial Regex SelectedRegex();

    [GeneratedRegex("/items/\\d+$")]
    private static partial Regex ItemUrlRegex();
}
