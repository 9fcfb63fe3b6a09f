using System.Text.Json.Serialization;

namespace ScamWatch.Training;

/// <summary>The evaluate contract's metrics object, lure = positive class.</summary>
public sealed record BinaryMetrics(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("positives")] int Positives,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("roc_auc")] double RocAuc,
    [property: JsonPropertyName("pr_auc")] double PrAuc,
    [property: JsonPropertyName("tp")] int Tp,
    [property: JsonPropertyName("fp")] int Fp,
    [property: JsonPropertyName("tn")] int Tn,
    [property: JsonPropertyName("fn")] int Fn)
{
    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i])
            {
                if (predicted) { tp++; } else { fn++; }
            }
            else if (predicted) { fp++; }
            else { tn++; }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(labels.Count, tp + fn, Round(threshold), Round(precision), Round(recall), Round(f1),
            Round(ComputeRocAuc(labels, scores)), Round(AveragePrecision(labels, scores)), tp, fp, tn, fn);
    }

    /// <summary>Probability that a random lure outscores a random legit post (ties count half).</summary>
    public static double ComputeRocAuc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        var positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && scores[order[i1 + 1]] == scores[order[i0]])
            {
                i1++;
            }

            var averageRank = (i0 + i1 + 2) / 2.0;
            for (var k = i0; k <= i1; k++)
            {
                if (labels[order[k]])
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Area under the precision-recall curve as average precision (scikit-learn's definition).</summary>
    public static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        if (!labels.Any(l => l))
        {
            return double.NaN;
        }

        double ap = 0, previousRecall = 0;
        foreach (var (recall, precision, _) in PrCurve(labels, scores))
        {
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return ap;
    }

    /// <summary>(recall, precision, threshold) at every distinct score, highest threshold first.</summary>
    public static IReadOnlyList<(double Recall, double Precision, double Threshold)> PrCurve(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var totalPositives = Math.Max(1, labels.Count(l => l));
        var points = new List<(double, double, double)>();
        int tp = 0, seen = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (var i in group)
            {
                seen++;
                if (labels[i])
                {
                    tp++;
                }
            }

            points.Add(((double)tp / totalPositives, (double)tp / seen, group.Key));
        }

        return points;
    }

    private static double Round(double v) => double.IsNaN(v) ? v : Math.Round(v, 4);
}
