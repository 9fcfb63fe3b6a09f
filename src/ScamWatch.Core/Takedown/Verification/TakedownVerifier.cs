using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Crawling;
using ScamWatch.Crawling.Robots;
using ScamWatch.Posts;
using ScamWatch.Sites;

namespace ScamWatch.Takedown.Verification;

/// <summary>
/// Rechecks every request awaiting removal by fetching the post again exactly as the crawler would (the same
/// <see cref="PageFetcher"/>, robots.txt, politeness and Polly pipeline, the site's removal markers), decides with
/// <see cref="VerificationDecision"/> and applies the one event it returns. A check with no answer changes nothing.
/// Platforms are checked side by side, each platform's requests one after another (the host's politeness applies anyway).
/// </summary>
public sealed class TakedownVerifier(
    TakedownStore takedowns, VerificationStore store, PostStore posts, SiteRegistry sites, PageFetcher fetcher, RobotsCache robots,
    IOptions<CrawlerOptions> crawler, TimeProvider clock, ILogger<TakedownVerifier> logger)
{
    public const string Actor = "verifier";

    /// <summary>Checks the requests of one platform, or of all platforms when <paramref name="platform"/> is null.</summary>
    public async Task<VerificationReport> RunAsync(string? platform, CancellationToken ct)
    {
        var due = new List<TakedownRequest>();
        foreach (var state in TakedownState.AwaitingRemoval)
        {
            await foreach (var request in takedowns.StreamAsync(platform, state, 0, ct).ConfigureAwait(false))
            {
                due.Add(request);
            }
        }

        var perPlatform = await Task.WhenAll(due.GroupBy(r => r.Platform, StringComparer.Ordinal)
            .Select(g => CheckPlatformAsync(g.Key, [.. g.OrderBy(r => r.Id)], ct))).ConfigureAwait(false);
        var report = new VerificationReport();
        foreach (var item in perPlatform.SelectMany(items => items).OrderBy(i => i.RequestId))
        {
            report.Add(item);
        }

        logger.LogInformation(
            "Verification of {Platform} done: {Checked} checked, {Removed} verified removed, {StillUp} still up, {Overdue} overdue, {Errors} without an answer",
            platform ?? "all platforms", report.Checked, report.Removed.Count(), report.StillUp.Count(), report.Overdue.Count(), report.Errors.Count());
        return report;
    }

    private async Task<List<VerificationItem>> CheckPlatformAsync(string platform, IReadOnlyList<TakedownRequest> requests, CancellationToken ct)
    {
        var site = sites.Find(platform);
        var items = new List<VerificationItem>();
        foreach (var request in requests)
        {
            ct.ThrowIfCancellationRequested();
            var page = site is null
                ? PageCheck.NotFetched(request.Url, $"no site definition named \"{platform}\" is loaded")
                : await CheckPageAsync(site, request, ct).ConfigureAwait(false);
            items.Add(await ApplyAsync(request, page, ct).ConfigureAwait(false));
        }

        return items;
    }

    private async Task<PageCheck> CheckPageAsync(SiteDefinition site, TakedownRequest request, CancellationToken ct)
    {
        if (site.Kind == "api")
        {
            // API items are read from the listing; the adapter marks one removed when a complete listing lacks it.
            var post = await posts.GetAsync(request.PostId, ct).ConfigureAwait(false);
            if (post?.RemovedAt is { } removedAt)
            {
                return PageCheck.RemovedByAdapter(request.Url, removedAt);
            }

            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var itemUrl) && itemUrl.Fragment.Length > 0)
            {
                return new PageCheck(PageState.Up, request.Url, $"still in the site's API listing (last seen {post?.LastSeen})");
            }
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !InScope(site, url))
        {
            return PageCheck.NotFetched(request.Url, $"not a URL within {site.BaseUrl}");
        }

        var rules = await robots.GetAsync(url, ct).ConfigureAwait(false);
        var decision = rules.Check(robots.ProductToken, url.PathAndQuery);
        if (!decision.Allowed)
        {
            return PageCheck.NotFetched(url.AbsoluteUri, "robots.txt " + decision.Reason);
        }

        var delay = CrawlRun.EffectiveDelay(TimeSpan.FromMilliseconds(site.Politeness.MinDelayMs), rules.CrawlDelay(robots.ProductToken), crawler.Value.MaxCrawlDelay);
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, delay, site.Politeness.MaxConcurrency)
        {
            MayFollow = async (next, token) => !InScope(site, next) ? "outside the site's scope"
                : await robots.CheckAsync(next, token).ConfigureAwait(false) is { Allowed: false } refused ? "robots.txt " + refused.Reason : null,
        }, ct).ConfigureAwait(false);
        return PageCheck.FromFetch(fetch, site);
    }

    private async Task<VerificationItem> ApplyAsync(TakedownRequest request, PageCheck page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = VerificationDecision.Decide(request, page, now);
        var after = request.State;
        if (outcome.Event is { } e)
        {
            var t = await takedowns.TransitionAsync(request.Id, e, Actor, outcome.Reason, now, ct: ct).ConfigureAwait(false);
            if (!t.Allowed)
            {
                // Someone (an operator, another node) moved it since we read it: report, change nothing more.
                outcome = new VerificationOutcome(VerificationVerdict.Error, null, $"{page.Url}: {outcome.Reason}, but it could not be recorded: {t.Reason}");
            }
            else
            {
                after = t.To;
            }
        }

        if (outcome.Verdict == VerificationVerdict.Gone)
        {
            await posts.MarkRemovedAsync(request.Platform, request.SitePostId, now, ct).ConfigureAwait(false);
        }

        if (outcome.Verdict is VerificationVerdict.Gone or VerificationVerdict.StillUp or VerificationVerdict.Overdue)
        {
            await store.MarkCheckedAsync(request.Id, now, ct).ConfigureAwait(false);
        }

        if (outcome.Verdict == VerificationVerdict.Error)
        {
            logger.LogWarning("Takedown request {RequestId} on {Platform} not verified: {Reason}", request.Id, request.Platform, outcome.Reason);
        }
        else
        {
            logger.LogInformation("Takedown request {RequestId} on {Platform} is {Verdict} ({FromState} → {ToState}): {Reason}",
                request.Id, request.Platform, outcome.Verdict, request.State, after, outcome.Reason);
        }

        return new VerificationItem(request.Id, request.Platform, request.Url, request.State, after, outcome);
    }

    private static bool InScope(SiteDefinition site, Uri url) =>
        Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var b) && url.Scheme is "http" or "https"
        && string.Equals(b.Host, url.Host, StringComparison.OrdinalIgnoreCase) && b.Port == url.Port;
}
