using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Training;

/// <summary>How models are trained. Bound from the <c>Training</c> section; every default is the shipped model's setting.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Precision the operating threshold must reach on out-of-fold predictions.</summary>
    /// <value>Default 0.95.</value>
    [Range(0.5, 1.0)]
    public double TargetPrecision { get; set; } = 0.95;

    /// <summary>Folds used for out-of-fold scores (threshold, calibration, metrics).</summary>
    /// <value>Default 5.</value>
    [Range(2, 20)]
    public int Folds { get; set; } = 5;

    /// <summary>Longest character n-gram (Hangul syllables are single characters; 1–2-grams generalised best across
    /// writers in leave-one-writer-out validation).</summary>
    /// <value>Default 2.</value>
    [Range(1, 6)]
    public int CharNgrams { get; set; } = 2;

    /// <summary>Longest word n-gram.</summary>
    /// <value>Default 2.</value>
    [Range(1, 3)]
    public int WordNgrams { get; set; } = 2;

    /// <summary>N-gram weighting: <c>TfIdf</c>, <c>Idf</c> (presence × idf, damps long posts) or <c>Tf</c>.</summary>
    /// <value>Default TfIdf.</value>
    [RegularExpression("^(TfIdf|Idf|Tf)$")]
    public string Weighting { get; set; } = "TfIdf";

    /// <summary>L1 regularisation of the logistic regression (L1 on L2-normalised n-grams zeroes rare, decisive terms).</summary>
    /// <value>Default 0.</value>
    [Range(0.0, 10.0)]
    public float L1 { get; set; }

    /// <summary>L2 regularisation of the logistic regression (chosen by leave-one-writer-out PR AUC).</summary>
    /// <value>Default 0.01.</value>
    [Range(0.0, 10.0)]
    public float L2 { get; set; } = 0.01f;

    /// <summary>Below this many positive examples the target precision cannot be estimated reliably out-of-fold; the
    /// threshold is then the one with the best out-of-fold F1, and the card says so.</summary>
    /// <value>Default 100.</value>
    [Range(1, 100_000)]
    public int MinPositivesForTargetPrecision { get; set; } = 100;

    /// <summary>Where <c>train --include-reviews</c> writes its immutable dataset snapshots (one folder per content hash).</summary>
    /// <value>Default training-data/snapshots (relative to the working directory).</value>
    [Required]
    public string SnapshotsPath { get; set; } = "training-data/snapshots";

    /// <summary>Random seed for fold assignment and the trainer.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; set; } = 1;
}
