namespace ScamWatch.Tests.Support.TestSites;

/// <summary>One hand-written post of a test site. <see cref="Body"/> is reader text (see <see cref="ReaderText"/>); each site renders it its own way.</summary>
internal abstract record FixturePost
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    /// <summary>As the site shows it (ISO 8601 date, or date and time on the API).</summary>
    public required string PostedAt { get; init; }

    public bool IsLure { get; init; }

    /// <summary>Drives Last-Modified, sitemap lastmod and If-Modified-Since; set by the site from <see cref="PostedAt"/> and bumped on every edit.</summary>
    public DateTimeOffset LastModified { get; init; }

    public long Number => long.Parse(Id, System.Globalization.CultureInfo.InvariantCulture);
}
