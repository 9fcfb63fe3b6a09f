using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Classification;

/// <summary>Where models live and how verdicts are explained. Bound from the <c>Classifier</c> section.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    /// <summary>Folder with model zips, their cards and <c>promoted.json</c>.</summary>
    /// <value>Default <c>models</c> (relative to the working directory, else to the executable).</value>
    [Required]
    public string ModelsPath { get; set; } = "models";

    /// <summary>Model terms listed per verdict, besides the fired rules.</summary>
    /// <value>Default 6.</value>
    [Range(0, 50)]
    public int TopTerms { get; set; } = 6;

    /// <summary>Overrides the model card's operating threshold when set (0..1).</summary>
    /// <value>Default none: the card's threshold, chosen for the target precision at training.</value>
    [Range(0.0, 1.0)]
    public double? ThresholdOverride { get; set; }

    /// <summary>Whether <c>serve</c> and <c>demo</c> watch <c>promoted.json</c> and swap in a newly promoted model.</summary>
    /// <value>Default true.</value>
    public bool WatchPromoted { get; set; } = true;

    /// <summary>How often the promoted file is re-read even without a file-system event (events can be lost, e.g. on network mounts).</summary>
    /// <value>Default 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PromotedCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quiet time after a file event before reloading, so a burst of events (write, rename) loads the model once.</summary>
    /// <value>Default 200 milliseconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Open queue items rescored per transaction after a swap.</summary>
    /// <value>Default 200.</value>
    [Range(1, 10_000)]
    public int RescoreBatchSize { get; set; } = 200;
}
