using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// How push and file deliveries retry and claim work. Bound from <c>Takedown:Delivery</c>; which platform is delivered
/// how lives in <see cref="TakedownOptions.Platforms"/>.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Takedown:Delivery";

    /// <summary>How long one webhook call may take before it counts as a failed attempt.</summary>
    /// <value>Default 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Immediate retries inside a delivery's first run (Polly, exponential backoff with jitter) before it waits for a later
    /// run; later runs make one call each. Every call counts towards <see cref="PlatformDelivery.MaxAttempts"/>.
    /// </summary>
    /// <value>Default 2 (three calls in all).</value>
    [Range(0, 5)]
    public int QuickRetries { get; set; } = 2;

    /// <summary>The first in-run retry delay; later ones double, with jitter. Zero retries at once (tests).</summary>
    /// <value>Default 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before the first later run retries a failed delivery; it doubles per attempt up to <see cref="BackoffCap"/>.</summary>
    /// <value>Default 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between later runs' attempts, so an endpoint back after an outage is served within this.</summary>
    /// <value>Default 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a node owns a claimed delivery. Another node takes it over after this (or at once when the owner is a
    /// dead process on the same machine), so it must exceed one delivery with its in-run retries.
    /// </summary>
    /// <value>Default 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most requests per platform per run: webhook calls, or rows in one batch file.</summary>
    /// <value>Default 500.</value>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}
