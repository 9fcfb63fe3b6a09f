namespace ScamWatch.Training;

/// <summary>Picks the operating threshold: the most recall whose precision still meets the target.</summary>
public static class ThresholdSelector
{
    public sealed record Choice(double Threshold, double Precision, double Recall, bool MetTarget, string Reason);

    public static Choice Select(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double targetPrecision, int minPositives = 0)
    {
        var curve = BinaryMetrics.PrCurve(labels, scores);
        var positives = labels.Count(l => l);
        if (positives < minPositives)
        {
            var f1 = BestF1(curve);
            return f1 with { MetTarget = false, Reason = $"only {positives} positive examples (< {minPositives}): precision {targetPrecision:F2} cannot be estimated reliably; threshold at best out-of-fold F1 (precision {f1.Precision:F3}, recall {f1.Recall:F3})" };
        }

        Choice? best = null;
        foreach (var (recall, precision, threshold) in curve)
        {
            if (precision >= targetPrecision && (best is null || recall > best.Recall))
            {
                best = new Choice(threshold, precision, recall, true,
                    $"lowest threshold with out-of-fold precision {precision:F3} >= target {targetPrecision:F2}; recall {recall:F3}");
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

    private static Choice BestF1(IReadOnlyList<(double Recall, double Precision, double Threshold)> curve)
    {
        var f1Best = curve.MaxBy(p => p.Precision + p.Recall == 0 ? 0 : 2 * p.Precision * p.Recall / (p.Precision + p.Recall));
        return new Choice(f1Best.Threshold, f1Best.Precision, f1Best.Recall, false, "best F1");
    }
}
