using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScamWatch.Sites;

namespace ScamWatch.Extraction;

/// <summary>Selector-driven extraction of list links and detail fields. Pure: HTML text in, values out.</summary>
public static class HtmlExtractor
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false, IsScripting = false });

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Detail links and the next list page, resolved to absolute URLs, de-duplicated, in page order.</summary>
    public static (IReadOnlyList<Uri> Details, Uri? Next) ReadList(string html, Uri pageUrl, ListSelectors selectors)
    {
        using var doc = Parse(html);
        var details = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in doc.QuerySelectorAll(selectors.LinkSelector))
        {
            var href = a.GetAttribute("href");
            if (Resolve(pageUrl, href) is { } uri && seen.Add(uri.AbsoluteUri))
            {
                details.Add(uri);
            }
        }

        Uri? next = null;
        if (selectors.NextSelector is not null && doc.QuerySelector(selectors.NextSelector) is { } nextLink)
        {
            next = Resolve(pageUrl, nextLink.GetAttribute("href"));
        }

        return (details, next);
    }

    public static ExtractedPost ReadDetail(string html, Uri url, string sitePostId, DetailSelectors selectors)
    {
        using var doc = Parse(html);
        return ReadDetail(doc, url, sitePostId, selectors);
    }

    /// <summary>Reads the detail fields; removes the excluded elements from <paramref name="doc"/> first.</summary>
    public static ExtractedPost ReadDetail(IDocument doc, Uri url, string sitePostId, DetailSelectors selectors)
    {
        foreach (var selector in selectors.Exclude)
        {
            foreach (var element in doc.QuerySelectorAll(selector).ToArray())
            {
                element.Remove();
            }
        }

        string? Field(string? selector) =>
            selector is null ? null : doc.QuerySelector(selector) is { } el ? NullIfEmpty(HtmlText.Of(el)) : null;

        return new ExtractedPost
        {
            SitePostId = sitePostId,
            Url = url.AbsoluteUri,
            Title = Field(selectors.Title),
            Body = Field(selectors.Body),
            Company = Field(selectors.Company),
            Location = Field(selectors.Location),
            Salary = Field(selectors.Salary),
            EmploymentType = Field(selectors.EmploymentType),
            Contact = Field(selectors.Contact),
            PostedAt = Field(selectors.PostedAt),
        };
    }

    /// <summary>The page's canonical URL when it declares one on the same host, else null.</summary>
    public static Uri? Canonical(IDocument doc, Uri pageUrl)
    {
        var href = doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        return Resolve(pageUrl, href) is { } canonical && string.Equals(canonical.Host, pageUrl.Host, StringComparison.OrdinalIgnoreCase) ? canonical : null;
    }

    /// <summary>The site's post id from the URL (first regex group), else the URL's path and query.</summary>
    public static string PostId(Uri url, string? pattern)
    {
        if (pattern is not null)
        {
            var m = Regex.Match(url.AbsoluteUri, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (m.Success)
            {
                return m.Groups.Count > 1 ? m.Groups[1].Value : m.Value;
            }
        }

        return url.PathAndQuery;
    }

    private static Uri? Resolve(Uri baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(baseUri, href.Trim(), out var uri) && uri.Scheme is "http" or "https"
            ? new UriBuilder(uri) { Fragment = "" }.Uri
            : null;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
