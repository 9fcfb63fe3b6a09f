using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Crawling;

/// <summary>How the crawler fetches. Bound from the <c>Crawler</c> section.</summary>
public sealed class CrawlerOptions
{
    public const string Section = "Crawler";

    /// <summary>Folder (or file) of site definitions.</summary>
    /// <value>Default <c>sites</c>.</value>
    [Required]
    public string SitesPath { get; set; } = "sites";

    /// <summary>Identifying User-Agent sent with every request.</summary>
    /// <value>Default <c>ScamWatch/1.0 (+contact: cyber-unit; lawful collection of public job posts)</c>.</value>
    [Required]
    public string UserAgent { get; set; } = "ScamWatch/1.0 (+contact: cyber-unit; lawful collection of public job posts)";

    /// <summary>Largest response body accepted, enforced while reading (bytes).</summary>
    /// <value>Default 5 MiB.</value>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxPageBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Timeout of one attempt.</summary>
    /// <value>Default 20 s.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt on 429, 5xx and network errors (exponential backoff with jitter; Retry-After honoured).</summary>
    /// <value>Default 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones double.</summary>
    /// <value>Default 1 s.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After honoured; a longer one fails the URL for this run.</summary>
    /// <value>Default 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Turns every site's politeness delay off (benchmarks against local boards only).</summary>
    /// <value>Default false.</value>
    public bool DisablePoliteness { get; set; }
}
