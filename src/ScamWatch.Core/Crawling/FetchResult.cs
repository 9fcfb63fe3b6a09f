namespace ScamWatch.Crawling;

/// <summary>One fetched URL: status, headers and the raw bytes as received, or why it failed.</summary>
public sealed record FetchResult(Uri Url, int StatusCode, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset FetchedAt, string? Error)
{
    /// <summary>Where the content finally came from after redirects.</summary>
    public Uri FinalUrl { get; init; } = Url;

    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;

    public bool IsNotModified => Error is null && StatusCode == 304;

    public bool IsGone => Error is null && StatusCode is 404 or 410;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
