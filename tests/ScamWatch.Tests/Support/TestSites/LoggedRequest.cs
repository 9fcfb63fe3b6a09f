namespace ScamWatch.Tests.Support.TestSites;

/// <summary>One request a <see cref="TestSite"/> received, in arrival order. <see cref="Status"/> is 0 while no response has started.</summary>
public sealed record LoggedRequest(
    string PathAndQuery,
    string Method,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Headers,
    int Status)
{
    /// <summary>The path without the query string, as sent.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    public string? UserAgent => Header("User-Agent");

    public string? IfNoneMatch => Header("If-None-Match");

    public string? IfModifiedSince => Header("If-Modified-Since");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
