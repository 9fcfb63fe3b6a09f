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
}
