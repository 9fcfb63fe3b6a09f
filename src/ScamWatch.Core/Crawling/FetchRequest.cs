namespace ScamWatch.Crawling;

/// <summary>
/// One URL to fetch, with the host's politeness and the validators from the last fetch (conditional GET).
/// <see cref="MayFollow"/> is asked before every redirect hop (scope and robots.txt); a refused hop ends the fetch.
/// </summary>
public sealed record FetchRequest(Uri Url, TimeSpan MinDelay, int MaxConcurrency)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public Func<Uri, CancellationToken, Task<string?>>? MayFollow { get; init; }
}
