namespace ScamWatch.Crawling;

/// <summary>One fetched URL: status, headers and the raw bytes as received, or why it failed.</summary>
public sealed record FetchResult(Uri Url, int StatusCode, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset FetchedAt, string? Error)
{
    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;

    public bool IsGone => StatusCode is 404 or 410;
}
