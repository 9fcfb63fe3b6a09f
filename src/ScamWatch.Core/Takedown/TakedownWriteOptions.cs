namespace ScamWatch.Takedown;

/// <summary>What a format writer may need beyond the requests themselves.</summary>
public sealed record TakedownWriteOptions
{
    /// <summary>CSV header language: Korean (default) or English.</summary>
    public bool Korean { get; init; } = true;

    public TakedownReporter Reporter { get; init; } = TakedownReporter.Default;

    /// <summary>
    /// Loads the captured page a request's evidence hash refers to, for XARF evidence items (which must carry the
    /// payload). Without it XARF reports still carry the hash, in the <c>scamwatch</c> block, but no evidence item.
    /// </summary>
    public Func<TakedownRequest, CancellationToken, Task<CapturedPage?>>? CapturedPage { get; init; }
}

/// <summary>The bytes of a captured page as fetched (their SHA-256 is the request's evidence hash) and their media type.</summary>
public sealed record CapturedPage(byte[] Raw, string? ContentType);
