namespace ScamWatch.Training;

/// <summary>Picks the operating threshold: the most recall whose precision still meets the target.</summary>
public static class ThresholdSelector
{
    public sealed record Choice(double Threshold, double Precision, double Recall, bool MetTarget, string Reason);

    public static Choice Select(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double targetPrecision, int minPositives = 0)
    {
        var curve = BinaryMetrics.PrCurve(labels, scores);
        var positives = labels.Count(l => l);
        var seen = CumulativeFlagged(labels, scores);
        if (positives < minPositives)
        {
            var f1 = BestF1(curve);
            return f1 with { MetTarget = false, Reason = $"only {positives} positive examples (< {minPositives}): precision {targetPrecision:F2} cannot be estimated reliably; threshold at best out-of-fold F1 (precision {f1.Precision:F3}, recall {f1.Recall:F3})" };
        }

        // Precision is measured on a finite sample; the threshold must meet the target with the lower 95 % Wilson
        // bound, not the point estimate, so a model that reaches the target by luck on its folds is not trusted.
        Choice? best = null;
        for (var k = 0; k < curve.Count; k++)
        {
            var (recall, precision, threshold) = curve[k];
            var lower = WilsonLower(precision, seen[k]);
            if (lower >= targetPrecision && (best is null || recall > best.Recall))
            {
                best = new Choice(threshold, precision, recall, true,
                    $"lowest threshold whose out-of-fold precision {precision:F3} (95% lower bound {lower:F3}) meets target {targetPrecision:F2}; recall {recall:F3}");
            }
        }

        if (best is not null)
        {
            return best;
        }

        // Target unreachable: fall back to the best F1 and say so.
        var fallback = BestF1(curve);
        return fallback with { Reason = $"target precision {targetPrecision:F2} not reachable out-of-fold; threshold at best F1 (precision {fallback.Precision:F3}, recall {fallback.Recall:F3})" };
    }

    /// <summary>Flagged count at each point of the PR curve (same order: highest threshold first).</summary>
    private static int[] CumulativeFlagged(IReadOnlyList<bool> labels, IReadOnlyList<double> scores) =>
        [.. Enumerable.Range(0, labels.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key)
            .Select(g => g.Count()).Aggregate(new List<int>(), (acc, n) => { acc.Add((acc.Count == 0 ? 0 : acc[^1]) + n); return acc; })];

    /// <summary>One-sided 95 % Wilson score lower bound of a proportion observed on n trials.</summary>
    public static double WilsonLower(double p, int n)
    {
        if (n == 0)
        {
            return 0;
        }

        const double z = 1.6449;
        var denominator = 1 + z * z / n;
        var centre = p + z * z / (2 * n);
        var margin = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return (centre - margin) / denominator;
    }

    private static Choice BestF1(IReadOnlyList<(double Recall, double Precision, double Threshold)> curve)
    {
        var f1Best = curve.MaxBy(p => p.Precision + p.Recall == 0 ? 0 : 2 * p.Precision * p.Recall / (p.Precision + p.Recall));
        return new Choice(f1Best.Threshold, f1Best.Precision, f1Best.Recall, false, "best F1");
    }
}
