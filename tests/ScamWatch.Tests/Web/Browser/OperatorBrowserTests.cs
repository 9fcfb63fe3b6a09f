using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Takedown;
using ScamWatch.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ScamWatch.Tests.Web.Browser;

/// <summary>The platform operator's page in real headless Chromium: own requests only, an outcome with a note, history, CSV download.</summary>
public sealed class OperatorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ReviewApp _app = null!;
    private TakedownSeed.Requests _requests = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
        _requests = await TakedownSeed.ConfirmAsync(_app, 2);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Operator_SeesOnlyOwnRequests_MarksOneRemoved_SeesHistory_DownloadsCsv()
    {
        await using var session = await fixture.Browser.SessionAsync(_app.Url);
        var page = await session.LogInAsync("op", "operator-pass-1", landing: "/operator");
        var requests = page.Locator("#requests tbody.request");
        await Expect(requests).ToHaveCountAsync(2);
        var shown = await requests.EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)");
        Assert.Equal(_requests.Albaplus.Order().Select(id => $"request-{id}"), shown);
        Assert.DoesNotContain(TakedownSeed.OtherHost, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("header nav a")).ToHaveCountAsync(1);

        // Seeing the requests delivered them.
        var id = _requests.Albaplus[0];
        var row = page.Locator($"#request-{id}");
        await Expect(row).ToHaveAttributeAsync("data-state", TakedownState.Sent);

        await row.Locator("input[name=note]").FillAsync("게시물 삭제 및 계정 정지 완료");
        await row.Locator("button[value=removed]").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("sent → removed");
        row = page.Locator($"#request-{id}");
        await Expect(row).ToHaveAttributeAsync("data-state", TakedownState.Removed);
        await Expect(row.Locator("td.state")).ToContainTextAsync("삭제됨");
        await Expect(row.Locator("button[value=removed]")).ToHaveCountAsync(0);

        await row.Locator("details summary").ClickAsync();
        var history = row.Locator("table.events tbody tr");
        await Expect(history).ToHaveCountAsync(3);
        await Expect(history.Nth(0)).ToHaveAttributeAsync("data-event", "created");
        await Expect(history.Nth(1)).ToHaveAttributeAsync("data-event", "sent");
        await Expect(history.Nth(2)).ToHaveAttributeAsync("data-event", "removed");
        await Expect(history.Nth(2)).ToContainTextAsync("web:op");
        await Expect(history.Nth(2)).ToContainTextAsync("게시물 삭제 및 계정 정지 완료");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-format=csv-ko]"));
        Assert.Equal("takedowns-albaplus.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("요청번호,플랫폼,URL", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain(TakedownSeed.OtherHost, csv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{id},albaplus,", csv, StringComparison.Ordinal);

        var request = await _app.App.Services.GetRequiredService<TakedownStore>().GetAsync(id);
        Assert.Equal(TakedownState.Removed, request!.State);
        Assert.Equal("게시물 삭제 및 계정 정지 완료", request.OperatorNote);
        Assert.Empty(session.Leaks);
        Assert.Empty(session.Dialogs);
        Assert.DoesNotContain(session.Console, m => m.StartsWith("error", StringComparison.Ordinal));
    }
}
