using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ScamWatch.Tests.Web.Browser;

/// <summary>
/// A post whose text and captured page carry XSS payloads is shown inert on every screen that shows it: no script
/// runs, no dialog opens, no request leaves the page (and none reaches a planted same-origin path).
/// </summary>
public sealed class HostileContentBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Lure = "캄보디아 프놈펜 고객상담 월 800만원 보장, 숙소·항공권 제공, 여권만 준비. 경험 무관 당일 출국 가능. 텔레그램으로만 연락";

    private ReviewApp _app = null!;
    private long _itemId;
    private long _versionId;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        var payloads = string.Join("\n", XssCorpus.Payloads);
        var page = Encoding.UTF8.GetBytes(XssCorpus.Page(Lure));
        var post = new ExtractedPost
        {
            SitePostId = "x-1",
            Url = "http://127.0.0.1:9/view?no=1\"><script>window.__pwned='url'</script>",
            Title = "캄보디아 고수익 <script>window.__pwned='title'</script><img src=x onerror=window.__pwned='title-img'>",
            Body = Lure + "\n" + payloads,
            Company = "<b onmouseover=\"window.__pwned='company'\">글로벌</b>",
            Salary = "월 800만원 <svg onload=window.__pwned='salary'>",
            Contact = "텔레그램 @job_kh <script>window.__pwned='contact'</script>",
        };
        var evidence = new Evidence(post.Url, DateTimeOffset.UtcNow, 200, "text/html; charset=utf-8", "{}", page);
        var outcome = await _app.App.Services.GetRequiredService<PostIngestor>().IngestAsync("hostile-board", post, evidence, CancellationToken.None);
        Assert.True(outcome.Verdict!.Flagged, "the hostile lure must be flagged so that it reaches the queue");
        _versionId = outcome.Stored.VersionId;
        _itemId = (await _app.App.Services.GetRequiredService<ScamWatch.Review.ReviewQueue>().ListAsync(new ScamWatch.Review.QueueQuery { Limit = 1 }))[0].Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HostilePost_IsInertOnEveryScreen()
    {
        await using var session = await fixture.Browser.SessionAsync(_app.Url);
        var page = await session.LogInAsync("kim", "reviewer-pass-1");
        await Expect(page.Locator("#queue tbody tr").First).ToContainTextAsync("<script>window.__pwned='title'</script>");
        await AssertInertAsync(page, session, "/queue");

        foreach (var path in new[] { $"/items/{_itemId}", $"/evidence/{_versionId}", $"/evidence/{_versionId}/safe" })
        {
            await page.GotoAsync(session.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await AssertInertAsync(page, session, path);
        }

        // The item page shows the payloads as text (the reviewer must see what the criminal wrote) ...
        await page.GotoAsync(session.Url($"/items/{_itemId}"));
        await Expect(page.Locator(".text")).ToContainTextAsync("<img src=x onerror=\"window.__pwned='img-onerror';alert(1)\">");
        // ... and the sanitised copy keeps the lure and the layout, without one active element or URL.
        await page.GotoAsync(session.Url($"/evidence/{_versionId}/safe"));
        await Expect(page.Locator(".captured")).ToContainTextAsync("월 800만원");
        await Expect(page.Locator(".captured table").First).ToBeVisibleAsync();
        var active = await page.Locator(".captured").EvaluateAsync<int>(
            "c => c.querySelectorAll('script,style,img,svg,math,iframe,object,embed,form,input,button,video,audio,source,link,meta,base,template,[href],[src],[srcset],[style],[action],[background]').length");
        Assert.Equal(0, active);
    }

    private static async Task AssertInertAsync(IPage page, Support.Browser.Session session, string where)
    {
        // Give every handler its chance: hover and focus everything, open every <details>, then let timers run.
        await page.EvaluateAsync("""
            () => { for (const e of document.querySelectorAll('body *')) {
                e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                if (typeof e.focus === 'function') e.focus();
                if (e.tagName === 'DETAILS') e.open = !e.open;
            } }
            """);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), $"script ran on {where}: {await page.EvaluateAsync<string>("() => String(window.__pwned)")}");
        var onHandlers = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length");
        Assert.Equal(0, onHandlers);
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.getAttribute('src') || 'inline')");
        Assert.Equal(["/static/review.js"], scripts);
        Assert.Empty(session.Dialogs);
        Assert.Empty(session.Leaks);
        Assert.DoesNotContain(session.Requests, r => r.Contains("pwned", StringComparison.Ordinal) || r.Contains("evil", StringComparison.Ordinal));
    }
}
