using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Takedown;

/// <summary>How takedown requests reach each platform and how long platforms have to act. Bound from <c>Takedown</c>.</summary>
public sealed class TakedownOptions : IValidatableObject
{
    public const string Section = "Takedown";

    /// <summary>How long a platform has to act once a request is sent, unless its own entry says otherwise.</summary>
    /// <value>Default 3 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Where batch files for <c>file</c> platforms are written, one folder per platform.</summary>
    /// <value>Default <c>data/outbox</c>.</value>
    [Required]
    public string OutboxPath { get; set; } = Path.Combine("data", "outbox");

    /// <summary>How often pending deliveries, batch files and rechecks run when the service is up (a Quartz cron).</summary>
    /// <value>Default every minute.</value>
    [Required]
    public string DeliveryCron { get; set; } = "0 * * * * ?";

    /// <summary>How often sent requests are rechecked on the platform (a Quartz cron).</summary>
    /// <value>Default hourly.</value>
    [Required]
    public string VerifyCron { get; set; } = "0 7 * * * ?";

    /// <summary>Who files the reports: the organisation named as reporter and sender in XARF and as the STIX identity.</summary>
    /// <value>Default <c>ScamWatch</c>.</value>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string ReporterOrg { get; set; } = "ScamWatch";

    /// <summary>The e-mail address platforms answer reports at (XARF <c>reporter.contact</c>, STIX identity contact).</summary>
    /// <value>Default <c>takedown@scamwatch.example</c>; set your own before sending anything.</value>
    [Required]
    [EmailAddress]
    public string ReporterContact { get; set; } = "takedown@scamwatch.example";

    /// <summary>The reporter's domain (XARF <c>reporter.domain</c>), which the receiver may use to verify the sender.</summary>
    /// <value>Default <c>scamwatch.example</c>.</value>
    [Required]
    [RegularExpression(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")]
    public string ReporterDomain { get; set; } = "scamwatch.example";

    public TakedownReporter Reporter => new(ReporterOrg, ReporterContact, ReporterDomain);

    /// <summary>Per platform (the site name): delivery and deadline. Platforms not listed are delivered by pull only.</summary>
    public Dictionary<string, PlatformDelivery> Platforms { get; set; } = new(StringComparer.Ordinal);

    public PlatformDelivery For(string platform) => Platforms.TryGetValue(platform, out var p) ? p : new PlatformDelivery();

    public TimeSpan DeadlineFor(string platform) => For(platform).Deadline ?? DefaultDeadline;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, p) in Platforms)
        {
            foreach (var problem in p.Problems())
            {
                yield return new ValidationResult($"Takedown:Platforms:{name}: {problem}");
            }
        }
    }
}

/// <summary>One platform's delivery settings.</summary>
public sealed class PlatformDelivery
{
    /// <summary><c>pull</c> (the operator's client lists requests through the API), <c>push</c> (signed webhook) or <c>file</c> (batch files).</summary>
    public string Delivery { get; set; } = "pull";

    public TimeSpan? Deadline { get; set; }

    /// <summary>For push: the operator's endpoint (https, or http on loopback for tests).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>For push: the shared secret for the HMAC-SHA256 signature (at least 32 characters).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>For push: attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>For file: csv, jsonl, xarf or stix.</summary>
    public string FileFormat { get; set; } = "csv";

    public IEnumerable<string> Problems()
    {
        switch (Delivery)
        {
            case "pull":
                break;
            case "push":
                if (WebhookUrl is null || !WebhookUrl.IsAbsoluteUri || (WebhookUrl.Scheme != Uri.UriSchemeHttps && !WebhookUrl.IsLoopback))
                {
                    yield return "push delivery needs an absolute https WebhookUrl (http only on loopback)";
                }

                if (WebhookSecret is null || WebhookSecret.Length < 32)
                {
                    yield return "push delivery needs a WebhookSecret of at least 32 characters";
                }

                if (MaxAttempts is < 1 or > 100)
                {
                    yield return "MaxAttempts must be between 1 and 100";
                }

                break;
            case "file":
                if (FileFormat is not ("csv" or "jsonl" or "xarf" or "stix"))
                {
                    yield return $"FileFormat \"{FileFormat}\" is not one of csv, jsonl, xarf, stix";
                }

                break;
            default:
                yield return $"Delivery \"{Delivery}\" is not one of pull, push, file";
                break;
        }

        if (Deadline is { } d && (d < TimeSpan.FromMinutes(1) || d > TimeSpan.FromDays(90)))
        {
            yield return "Deadline must be between 1 minute and 90 days";
        }
    }
}
