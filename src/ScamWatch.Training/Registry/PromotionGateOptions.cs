using System.ComponentModel.DataAnnotations;

namespace ScamWatch.Training;

/// <summary>The champion/challenger gate. Bound from <c>Training:Gate</c>, validated at start-up.</summary>
public sealed class PromotionGateOptions
{
    public const string Section = "Training:Gate";

    /// <summary>Metric compared on the gold set: <c>f1</c> (at each model's own threshold), <c>pr_auc</c>, or
    /// <c>recall_at_precision</c> (most recall whose gold precision reaches <see cref="Precision"/>).</summary>
    /// <value>Default pr_auc (threshold-free, so a better ranking is not hidden by a threshold choice).</value>
    [RegularExpression("^(f1|pr_auc|recall_at_precision)$")]
    public string Metric { get; set; } = "pr_auc";

    /// <summary>How much lower than the champion's the challenger's metric may be and still count as "not worse".</summary>
    /// <value>Default 0.01.</value>
    [Range(0.0, 0.5)]
    public double Tolerance { get; set; } = 0.01;

    /// <summary>Precision for <c>recall_at_precision</c>.</summary>
    /// <value>Default 0.9.</value>
    [Range(0.5, 1.0)]
    public double Precision { get; set; } = 0.9;

    /// <summary>Per red-flag rule: how far the challenger's recall on gold lures where the rule fires may drop, and
    /// its false-positive rate on gold legit posts where the rule fires may rise. Wider than <see cref="Tolerance"/>
    /// because the subsets are small (one post of twenty is 0.05).</summary>
    /// <value>Default 0.05.</value>
    [Range(0.0, 0.5)]
    public double RuleTolerance { get; set; } = 0.05;

    /// <summary>A rule is checked on a class only when it fires on at least this many gold posts of that class.</summary>
    /// <value>Default 10.</value>
    [Range(1, 10_000)]
    public int MinRuleSupport { get; set; } = 10;

    /// <summary>The frozen gold set both models are measured on (JSON Lines post records with labels).</summary>
    /// <value>Default training-data/gold/gold.jsonl (relative to the working directory).</value>
    [Required]
    public string GoldPath { get; set; } = "training-data/gold/gold.jsonl";
}
