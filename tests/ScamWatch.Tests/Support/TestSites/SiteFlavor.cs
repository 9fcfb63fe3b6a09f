using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>What makes one test site different from another: its posts, routes, markup and site definition.</summary>
internal abstract class SiteFlavor
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public abstract string Name { get; }

    /// <summary>Text a removed post's page shows (with status 200) instead of a 404, if the site does that.</summary>
    public virtual string? RemovalMarker => null;

    /// <summary>The page (status 200) a deleted post's URL shows instead of a 404, if the site does that.</summary>
    public virtual string? RemovedPage => null;

    public abstract IEnumerable<FixturePost> Seed();

    public abstract void Map(WebApplication app, TestSite site);

    /// <summary>Requests that <see cref="TestSite.Fail429Once"/> applies to.</summary>
    public abstract bool IsListRequest(HttpRequest request);

    /// <summary>Requests that <see cref="TestSite.FailFirst503WithRetryAfter"/> and <see cref="TestSite.SlowDetailMs"/> apply to (never the fault URLs).</summary>
    public abstract bool IsDetailRequest(HttpRequest request);

    /// <summary>Site-relative path of a post's page, starting with '/'.</summary>
    public abstract string DetailPath(string id);

    public virtual string FaultPath(string faultId) => DetailPath(faultId);

    public abstract ExpectedPost ToExpected(FixturePost post, string baseUrl);

    public abstract string DefinitionJson(string baseUrl);

    /// <summary>Robots-disallowed URLs the list pages link to (site-relative).</summary>
    public virtual IReadOnlyList<string> DisallowedLinks(IReadOnlyList<FixturePost> posts) => [];

    public virtual DateTimeOffset InitialLastModified(FixturePost post) =>
        DateTimeOffset.TryParse(post.PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && post.PostedAt.Contains('T', StringComparison.Ordinal)
            ? t
            : new DateTimeOffset(DateTime.ParseExact(post.PostedAt[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(9), Kst);

    protected static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : ReaderText.Tidy(s);
}
