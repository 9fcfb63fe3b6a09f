using ScamWatch.Classification;

namespace ScamWatch.Training;

/// <summary>One model's scores on the gold set, with what the registry shows beside them.</summary>
public sealed record GoldRun(string Version, double Threshold, IReadOnlyList<double> Scores, BinaryMetrics Metrics, double RecallAtPrecision,
    long SizeBytes, string TrainingDataSha256, int ReviewedExamples)
{
    public bool Flagged(int i) => Scores[i] >= Threshold;

    public double Metric(string name) => name switch
    {
        "f1" => Metrics.F1,
        "pr_auc" => Metrics.PrAuc,
        "recall_at_precision" => RecallAtPrecision,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "metric must be f1, pr_auc or recall_at_precision"),
    };

    /// <summary>Scores the gold set with one loaded model.</summary>
    public static GoldRun Score(LureModel model, GoldSet gold, double precision)
    {
        var scores = new double[gold.Records.Count];
        Parallel.For(0, scores.Length, i => scores[i] = model.Classify(PostText.From(gold.Records[i])).Score);
        return new GoldRun(model.Version, model.Threshold, scores, BinaryMetrics.Compute(gold.Labels, scores, model.Threshold),
            RecallAt(gold.Labels, scores, precision), model.Card.SizeBytes, model.Card.TrainingData.Sha256, model.Card.TrainingData.ReviewedExamples);
    }

    /// <summary>The most recall at any threshold whose precision reaches <paramref name="precision"/>; 0 when none does.</summary>
    public static double RecallAt(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double precision) =>
        Math.Round(BinaryMetrics.PrCurve(labels, scores).Where(p => p.Precision >= precision).Select(p => p.Recall).DefaultIfEmpty(0).Max(), 4);
}
