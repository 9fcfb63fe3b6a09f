using ScamWatch.Extraction;

namespace ScamWatch.Crawling.Adapters;

/// <summary>
/// Detail URLs from list pages (next-link or <c>{page}</c> pagination, bounded by maxPages) and from sitemaps
/// (indexes followed to a bounded depth). Shared by the html and jsonld adapters.
/// </summary>
public static class ListDiscovery
{
    public const int MaxSitemapFiles = 200;

    public static async Task FromListPagesAsync(CrawlRun run, CancellationToken ct)
    {
        var site = run.Site;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in site.StartUrls)
        {
            if (start.Contains("{page}", StringComparison.Ordinal))
            {
                for (var page = 1; page <= site.List.MaxPages && run.ListPages < site.List.MaxPages * Math.Max(1, site.StartUrls.Count); page++)
                {
                    var url = new Uri(run.BaseUri, start.Replace("{page}", page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                    var (fresh, _) = await ReadListPageAsync(run, url, seen, ct).ConfigureAwait(false);
                    if (fresh == 0)
                    {
                        break;
                    }
                }

                continue;
            }

            var next = new Uri(run.BaseUri, start);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            for (var pages = 0; next is not null && pages < site.List.MaxPages && visited.Add(next.AbsoluteUri); pages++)
            {
                (_, next) = await ReadListPageAsync(run, next, seen, ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task<(int Fresh, Uri? Next)> ReadListPageAsync(CrawlRun run, Uri url, HashSet<string> seen, CancellationToken ct)
    {
        run.ListPages++;
        var page = await run.FetchAsync(url, "list", null, ct).ConfigureAwait(false);
        if (page is null || !page.IsSuccess || run.Decode(page) is not { } html)
        {
            return (0, null);
        }

        try
        {
            var (links, next) = HtmlExtractor.ReadList(html, page.FinalUrl, run.Site.List);
            var fresh = 0;
            foreach (var link in links.Where(run.IsDetail))
            {
                if (seen.Add(link.AbsoluteUri))
                {
                    fresh++;
                    await run.EnqueueDetailAsync(link, ct).ConfigureAwait(false);
                }
            }

            return (fresh, next is not null && run.InScope(next) ? next : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Fail(url, "list page could not be read: " + ex.Message);
            return (0, null);
        }
    }

    public static async Task FromSitemapsAsync(CrawlRun run, long maxBytes, CancellationToken ct)
    {
        var queue = new Queue<(Uri Url, int Depth)>(run.Site.Sitemaps.Select(s => (new Uri(run.BaseUri, s), 0)));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var files = 0;
        while (queue.Count > 0 && files < MaxSitemapFiles)
        {
            var (url, depth) = queue.Dequeue();
            if (!visited.Add(url.AbsoluteUri))
            {
                continue;
            }

            files++;
            run.ListPages++;
            var page = await run.FetchAsync(url, "sitemap", null, ct).ConfigureAwait(false);
            if (page is null || !page.IsSuccess)
            {
                continue;
            }

            IReadOnlyList<SitemapReader.Entry> entries;
            try
            {
                entries = SitemapReader.Read(page.Body, maxBytes);
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or IOException)
            {
                run.Fail(url, "sitemap could not be read: " + ex.Message);
                continue;
            }

            foreach (var entry in entries)
            {
                if (!Uri.TryCreate(url, entry.Loc, out var loc) || !run.InScope(loc))
                {
                    continue;
                }

                if (entry.IsSitemap)
                {
                    if (depth < 3)
                    {
                        queue.Enqueue((loc, depth + 1));
                    }
                }
                else if (run.IsDetail(loc))
                {
                    await run.EnqueueDetailAsync(loc, ct).ConfigureAwait(false);
                }
            }
        }
    }
}
