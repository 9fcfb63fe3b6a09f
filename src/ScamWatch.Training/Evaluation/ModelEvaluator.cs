using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Training;

/// <summary>Scores labelled records with one model and computes the evaluate contract's metrics.</summary>
public sealed class ModelEvaluator
{
    public (BinaryMetrics Metrics, IReadOnlyList<ScoredRecord> Scored) Evaluate(LureModel model, IReadOnlyList<PostRecord> records)
    {
        var scored = new ScoredRecord[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var r = records[i];
            var verdict = model.Classify(PostText.From(r));
            scored[i] = new ScoredRecord(r.Id, r.Label == "lure", verdict.Score, verdict.Flagged, r.Group, r.Site, r.Title);
        });
        var metrics = BinaryMetrics.Compute(scored.Select(s => s.IsLure).ToArray(), scored.Select(s => s.Score).ToArray(), model.Threshold);
        return (metrics, scored);
    }
}
