using ScamWatch.Crawling;
using ScamWatch.Extraction;
using ScamWatch.Sites;

namespace ScamWatch.Takedown.Verification;

/// <summary>What a recheck of a post's page showed: up, gone, or not known (and why), with where it looked. Pure data.</summary>
public sealed record PageCheck(PageState State, string Url, string Detail)
{
    /// <summary>
    /// Reads a fetch the way the crawler does (<see cref="SiteCrawler"/>): 404/410 or one of the site's removal
    /// markers is gone; any other 2xx is up; an error (5xx, timeout, size, redirect refused) is not an answer.
    /// </summary>
    public static PageCheck FromFetch(FetchResult fetch, SiteDefinition site)
    {
        var url = fetch.Url.AbsoluteUri;
        if (fetch.Error is not null)
        {
            return new PageCheck(PageState.Unknown, url, fetch.Error);
        }

        if (fetch.IsGone)
        {
            return new PageCheck(PageState.Gone, url, $"HTTP {fetch.StatusCode}");
        }

        if (!fetch.IsSuccess)
        {
            return new PageCheck(PageState.Unknown, url, $"unexpected HTTP {fetch.StatusCode}");
        }

        if (site.RemovalMarkers.Count > 0)
        {
            var decoded = CharsetDecoder.Decode(fetch.Body, fetch.ContentType, site.Encoding);
            if (decoded.Error is not null)
            {
                return new PageCheck(PageState.Unknown, url, decoded.Error);
            }

            if (site.RemovalMarkers.FirstOrDefault(m => decoded.Text!.Contains(m, StringComparison.Ordinal)) is { } marker)
            {
                return new PageCheck(PageState.Gone, url, $"removal marker \"{marker}\"");
            }
        }

        return new PageCheck(PageState.Up, url, $"HTTP {fetch.StatusCode}, no removal marker");
    }

    /// <summary>The page was not fetched (robots.txt, scope, unknown site): no answer.</summary>
    public static PageCheck NotFetched(string url, string why) => new(PageState.Unknown, url, "not fetched: " + why);

    /// <summary>The site's own adapter already recorded the post as removed (an API listing that no longer has it).</summary>
    public static PageCheck RemovedByAdapter(string url, string removedAt) =>
        new(PageState.Gone, url, $"the site's listing no longer has it (marked removed at {removedAt})");
}
