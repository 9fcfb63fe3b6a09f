using System.Text.Json.Serialization;

namespace ScamWatch.Sites;

/// <summary>
/// One watched site, as configuration (one JSON file per site; see docs/sites.md). Adding a site needs no release.
/// </summary>
public sealed record SiteDefinition
{
    /// <summary>Unique name; also the platform name in takedown requests.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Adapter kind: <c>html</c> (list and detail selectors), <c>jsonld</c> (sitemaps and schema.org JobPosting), <c>api</c> (JSON API).</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "html";

    [JsonPropertyName("enabled")] public bool Enabled { get; init; } = true;

    /// <summary>Absolute base URL; relative start URLs resolve against it and it bounds the crawl's scope (same host).</summary>
    [JsonPropertyName("baseUrl")] public string BaseUrl { get; init; } = "";

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 0 */2 * * ?</c> for every two hours.</summary>
    [JsonPropertyName("schedule")] public string? Schedule { get; init; }

    [JsonPropertyName("startUrls")] public IReadOnlyList<string> StartUrls { get; init; } = [];

    [JsonPropertyName("list")] public ListSelectors List { get; init; } = new();

    [JsonPropertyName("detail")] public DetailSelectors Detail { get; init; } = new();

    /// <summary>Sitemaps or sitemap indexes to discover detail pages from (kind <c>jsonld</c>, optional for <c>html</c>).</summary>
    [JsonPropertyName("sitemaps")] public IReadOnlyList<string> Sitemaps { get; init; } = [];

    /// <summary>Regex a discovered URL must match to be treated as a detail page (keeps navigation and traps out).</summary>
    [JsonPropertyName("detailUrlPattern")] public string? DetailUrlPattern { get; init; }

    /// <summary>The JSON API description (kind <c>api</c>).</summary>
    [JsonPropertyName("api")] public ApiDefinition? Api { get; init; }

    /// <summary>Regex with one group that takes the site's post id out of a detail URL.</summary>
    [JsonPropertyName("postIdPattern")] public string? PostIdPattern { get; init; }

    /// <summary>Texts that, on a detail page, mean the post was taken down.</summary>
    [JsonPropertyName("removalMarkers")] public IReadOnlyList<string> RemovalMarkers { get; init; } = [];

    [JsonPropertyName("politeness")] public Politeness Politeness { get; init; } = new();

    /// <summary>Forces a character set (e.g. <c>euc-kr</c>) when a site labels its pages wrongly.</summary>
    [JsonPropertyName("encoding")] public string? Encoding { get; init; }
}

public sealed record ListSelectors
{
    /// <summary>CSS selector of links to detail pages.</summary>
    [JsonPropertyName("linkSelector")] public string LinkSelector { get; init; } = "a";

    /// <summary>CSS selector of the "next page" link.</summary>
    [JsonPropertyName("nextSelector")] public string? NextSelector { get; init; }

    /// <summary>Upper bound on list pages per run (crawl-trap guard).</summary>
    [JsonPropertyName("maxPages")] public int MaxPages { get; init; } = 20;

    /// <summary>Known posts no longer listed that are fetched again per run to notice removals.</summary>
    [JsonPropertyName("maxRecheck")] public int MaxRecheck { get; init; } = 500;
}

public sealed record DetailSelectors
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("body")] public string? Body { get; init; }
    [JsonPropertyName("company")] public string? Company { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("salary")] public string? Salary { get; init; }
    [JsonPropertyName("employmentType")] public string? EmploymentType { get; init; }
    [JsonPropertyName("contact")] public string? Contact { get; init; }
    [JsonPropertyName("postedAt")] public string? PostedAt { get; init; }

    /// <summary>Removed from the page before extraction: comments, ads, scripts, navigation.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<string> Exclude { get; init; } = ["script", "style", "noscript", "nav", "iframe"];
}

public sealed record Politeness
{
    /// <summary>Minimum time between two requests to the host.</summary>
    [JsonPropertyName("minDelayMs")] public int MinDelayMs { get; init; } = 1000;

    /// <summary>Requests in flight to the host at once.</summary>
    [JsonPropertyName("maxConcurrency")] public int MaxConcurrency { get; init; } = 1;
}

public sealed record ApiDefinition
{
    /// <summary>List endpoint, relative to baseUrl, with <c>{cursor}</c> (cursor pagination) or <c>{page}</c> (page numbers).</summary>
    [JsonPropertyName("listUrl")] public string ListUrl { get; init; } = "";

    /// <summary>Path to the array of items in a response, e.g. <c>data.items</c>.</summary>
    [JsonPropertyName("itemsPath")] public string ItemsPath { get; init; } = "items";

    /// <summary>Path to the next cursor (null or missing ends the listing).</summary>
    [JsonPropertyName("nextCursorPath")] public string? NextCursorPath { get; init; }

    /// <summary>Path to the total page count for <c>{page}</c> listings (else an empty page ends the listing).</summary>
    [JsonPropertyName("totalPagesPath")] public string? TotalPagesPath { get; init; }

    /// <summary>First page number for <c>{page}</c> listings.</summary>
    [JsonPropertyName("firstPage")] public int FirstPage { get; init; } = 1;

    /// <summary>Upper bound on list requests per run.</summary>
    [JsonPropertyName("maxPages")] public int MaxPages { get; init; } = 50;

    /// <summary>Paths of the post fields inside an item: id, title, body, company, location, salary, employmentType, contact, postedAt, url.</summary>
    [JsonPropertyName("fields")] public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Post URL when the item has none, with <c>{id}</c>, e.g. <c>/jobs/{id}</c>.</summary>
    [JsonPropertyName("urlTemplate")] public string? UrlTemplate { get; init; }
}
