using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Crawling;
using ScamWatch.Demo;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Sites;

namespace ScamWatch.Bench;

/// <summary>
/// Crawl benchmarks on loopback: a full crawl of an N-post board with politeness off, and extraction + normalisation
/// + storage of saved pages without the network.
/// </summary>
public static class CrawlBench
{
    public static IReadOnlyList<DemoPost> Board(int posts)
    {
        var seed = DemoBoard.LoadEmbedded();
        return [.. Enumerable.Range(0, posts).Select(i => seed[i % seed.Count] with { No = 100_000 + i, Title = seed[i % seed.Count].Title + $" #{i}" })];
    }

    public static async Task<string> FullCrawlAsync(IServiceProvider services, int posts, CancellationToken ct)
    {
        var board = new DemoBoard(Board(posts));
        await using var app = await board.StartAsync("http://127.0.0.1:0", ct).ConfigureAwait(false);
        var url = app.Urls.First();
        var site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(url)) is var s ? s with { List = s.List with { MaxPages = 1000 } } : null!;
        var watch = Stopwatch.StartNew();
        var report = await services.GetRequiredService<SiteCrawler>().RunAsync(site, ct).ConfigureAwait(false);
        watch.Stop();
        var pages = report.ListPages + report.DetailPages;
        return string.Create(CultureInfo.InvariantCulture,
            $"| full crawl, {posts:N0}-post board, politeness off | {watch.Elapsed.TotalSeconds:0.0} s | {pages / watch.Elapsed.TotalSeconds:0.0} pages/s ({pages} pages, {report.NewPosts} posts stored, {report.Errors.Count} errors) | {BenchMachine.PeakMiB():0} MiB |");
    }

    public static async Task<string> ExtractStoreAsync(IServiceProvider services, int pages, CancellationToken ct)
    {
        var board = new DemoBoard(Board(pages));
        var site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson("http://bench.test"));
        var saved = board.Posts.Select(p => (p.No, Html: DemoBoard.DetailPage(p))).ToList();
        var store = services.GetRequiredService<PostStore>();
        var watch = Stopwatch.StartNew();
        foreach (var (no, html) in saved)
        {
            var url = new Uri($"http://bench.test/jobs/view?no={no}");
            var post = HtmlExtractor.ReadDetail(html, url, no.ToString(CultureInfo.InvariantCulture), site.Detail);
            _ = Classification.TextNormalizer.NormalizeText(post.Title + "\n" + post.Body);
            await store.StoreAsync("bench", post, new Evidence(url.AbsoluteUri, DateTimeOffset.UnixEpoch, 200, "text/html", "{}", System.Text.Encoding.UTF8.GetBytes(html)), DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        }

        watch.Stop();
        return string.Create(CultureInfo.InvariantCulture,
            $"| extract + normalise + store, {pages:N0} saved pages | {watch.Elapsed.TotalSeconds:0.0} s | {pages / watch.Elapsed.TotalSeconds:0.0} pages/s | {BenchMachine.PeakMiB():0} MiB |");
    }
}
