using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ScamWatch.Crawling.Robots;
using ScamWatch.Extraction;
using ScamWatch.Sites;

namespace ScamWatch.Crawling;

/// <summary>
/// One run of one site: the URL rules (scope, detail pattern, robots.txt), the politeness in force, the counters and
/// the per-URL error list. Every fetch goes through <see cref="FetchAsync"/>, which records each URL's robots
/// decision and outcome in the frontier.
/// </summary>
public sealed class CrawlRun
{
    private readonly PageFetcher _fetcher;
    private readonly RobotsCache _robots;
    private readonly CrawlFrontier _frontier;
    private readonly ILogger _logger;
    private readonly Regex? _detailPattern;
    private readonly TimeSpan _maxCrawlDelay;

    public CrawlRun(SiteDefinition site, long runId, PageFetcher fetcher, RobotsCache robots, CrawlFrontier frontier, TimeSpan maxCrawlDelay, ILogger logger)
    {
        Site = site;
        RunId = runId;
        BaseUri = new Uri(site.BaseUrl);
        _fetcher = fetcher;
        _robots = robots;
        _frontier = frontier;
        _maxCrawlDelay = maxCrawlDelay;
        _logger = logger;
        _detailPattern = site.DetailUrlPattern is null ? null : new Regex(site.DetailUrlPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public SiteDefinition Site { get; }

    public long RunId { get; }

    public Uri BaseUri { get; }

    public List<string> Errors { get; } = [];

    public int ListPages { get; set; }

    public int DetailPages { get; set; }

    public int NewPosts { get; set; }

    public int ChangedPosts { get; set; }

    public int NotModified { get; set; }

    public int Removed { get; set; }

    public int Flagged { get; set; }

    public int Blocked { get; set; }

    public bool InScope(Uri url) =>
        url.Scheme is "http" or "https" && string.Equals(BaseUri.Host, url.Host, StringComparison.OrdinalIgnoreCase) && BaseUri.Port == url.Port;

    public bool IsDetail(Uri url) => InScope(url) && (_detailPattern?.IsMatch(url.AbsoluteUri) ?? true);

    public string PostId(Uri url) => HtmlExtractor.PostId(url, Site.PostIdPattern);

    public Task EnqueueDetailAsync(Uri url, CancellationToken ct) => _frontier.EnqueueAsync(Site.Name, RunId, url.AbsoluteUri, "detail", ct);

    /// <summary>
    /// Fetches a URL if scope and robots.txt allow it; records the robots decision and the outcome. Returns null when
    /// the URL may not be fetched (the reason is recorded, not counted as an error).
    /// </summary>
    public async Task<FetchResult?> FetchAsync(Uri url, string kind, FrontierUrl? known, CancellationToken ct, bool recordSuccess = true)
    {
        if (!InScope(url))
        {
            await _frontier.RecordAsync(Site.Name, url.AbsoluteUri, kind, new UrlOutcome(CrawlFrontier.States.Blocked, "not checked") { Error = "outside the site's scope" }, ct).ConfigureAwait(false);
            return null;
        }

        var robots = await _robots.GetAsync(url, ct).ConfigureAwait(false);
        var decision = robots.Check(_robots.ProductToken, url.PathAndQuery);
        if (!decision.Allowed)
        {
            Blocked++;
            _logger.LogInformation("Not fetching {Url}: robots.txt {Decision}", url, decision.Reason);
            if (robots.IsUnavailable)
            {
                Fail(url, "not fetched: " + decision.Reason);
            }

            await _frontier.RecordAsync(Site.Name, url.AbsoluteUri, kind, new UrlOutcome(CrawlFrontier.States.Blocked, decision.ToString()), ct).ConfigureAwait(false);
            return null;
        }

        var delay = EffectiveDelay(TimeSpan.FromMilliseconds(Site.Politeness.MinDelayMs), robots.CrawlDelay(_robots.ProductToken), _maxCrawlDelay);

        var result = await _fetcher.FetchAsync(new FetchRequest(url, delay, Site.Politeness.MaxConcurrency)
        {
            ETag = known?.Etag,
            LastModified = known?.LastModified,
            MayFollow = MayFollowAsync,
        }, ct).ConfigureAwait(false);

        if (result.Error is not null)
        {
            Fail(url, result.Error);
            await _frontier.RecordAsync(Site.Name, url.AbsoluteUri, kind, new UrlOutcome(CrawlFrontier.States.Failed, decision.ToString())
            {
                Status = result.StatusCode == 0 ? null : result.StatusCode,
                Error = result.Error,
            }, ct).ConfigureAwait(false);
        }
        else if (recordSuccess)
        {
            await RecordDoneAsync(url, kind, result, decision.ToString(), null, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The gap between requests to a host: the site's own minimum, or robots.txt's Crawl-delay when larger, capped.</summary>
    public static TimeSpan EffectiveDelay(TimeSpan siteMinimum, TimeSpan? crawlDelay, TimeSpan cap)
    {
        if (crawlDelay is not { } asked)
        {
            return siteMinimum;
        }

        var capped = asked > cap ? cap : asked;
        return capped > siteMinimum ? capped : siteMinimum;
    }

    public Task RecordDoneAsync(Uri url, string kind, FetchResult result, string robots, string? sitePostId, CancellationToken ct) =>
        _frontier.RecordAsync(Site.Name, url.AbsoluteUri, kind, new UrlOutcome(CrawlFrontier.States.Done, robots)
        {
            Status = result.StatusCode,
            ETag = result.Header("etag"),
            LastModified = result.Header("last-modified"),
            SitePostId = sitePostId,
        }, ct);

    public Task RecordFailedAsync(Uri url, string kind, int? status, string error, CancellationToken ct)
    {
        Fail(url, error);
        return _frontier.RecordAsync(Site.Name, url.AbsoluteUri, kind, new UrlOutcome(CrawlFrontier.States.Failed, "allowed") { Status = status, Error = error }, ct);
    }

    public void Fail(Uri url, string reason)
    {
        Errors.Add($"{url}: {reason}");
        _logger.LogWarning("Crawl error on {Site} at {Url}: {Reason}", Site.Name, url, reason);
    }

    /// <summary>Decodes a fetched page, recording an error (and returning null) for bytes that are not text in any charset we trust.</summary>
    public string? Decode(FetchResult page)
    {
        var decoded = CharsetDecoder.Decode(page.Body, page.ContentType, Site.Encoding);
        if (decoded.Error is not null)
        {
            Fail(page.Url, decoded.Error);
            return null;
        }

        return decoded.Text;
    }

    public CrawlReport Report() => new(Site.Name, ListPages, DetailPages, NewPosts, ChangedPosts, Removed, Flagged, Errors)
    {
        NotModified = NotModified,
        Blocked = Blocked,
    };

    private async Task<string?> MayFollowAsync(Uri next, CancellationToken ct)
    {
        if (!InScope(next))
        {
            return "outside the site's scope";
        }

        var decision = await _robots.CheckAsync(next, ct).ConfigureAwait(false);
        return decision.Allowed ? null : "robots.txt " + decision.Reason;
    }
}
