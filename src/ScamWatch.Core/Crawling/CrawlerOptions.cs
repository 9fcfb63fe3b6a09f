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

    /// <summary>How long a fetched robots.txt is trusted (RFC 9309 suggests at most 24 hours).</summary>
    /// <value>Default 24 hours.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RobotsTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When an unreachable robots.txt (5xx, network) is asked for again; until then the site is disallowed.</summary>
    /// <value>Default 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RobotsRetry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on a robots.txt Crawl-delay that is honoured (a larger one is capped to this).</summary>
    /// <value>Default 30 s.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one URL including all retries.</summary>
    /// <value>Default 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Consecutive-failure ratio (over a 30 s window, at least 5 requests) that opens a host's circuit.</summary>
    /// <value>Default 0.8.</value>
    [Range(0.1, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.8;

    /// <summary>How long an open circuit keeps a failing host alone.</summary>
    /// <value>Default 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Detail pages fetched per site and run at most (crawl-trap guard).</summary>
    /// <value>Default 5000.</value>
    [Range(1, 1_000_000)]
    public int MaxDetailsPerRun { get; set; } = 5000;

    /// <summary>Turns every site's politeness delay off (benchmarks against local boards only).</summary>
    /// <value>Default false.</value>
    public bool DisablePoliteness { get; set; }
}
