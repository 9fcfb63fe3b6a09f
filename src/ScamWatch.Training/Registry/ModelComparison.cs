using System.Text.Json.Serialization;

namespace ScamWatch.Training;

/// <summary>Two model versions side by side on the same gold set: metrics, size, training data, and the posts they disagree on.</summary>
public sealed record ModelComparison(
    [property: JsonPropertyName("gold")] string Gold,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("a")] ModelComparison.Side A,
    [property: JsonPropertyName("b")] ModelComparison.Side B,
    [property: JsonPropertyName("disagreements")] IReadOnlyList<ModelComparison.Disagreement> Disagreements)
{
    public sealed record Side(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("metrics")] BinaryMetrics Metrics,
        [property: JsonPropertyName("recall_at_precision")] double RecallAtPrecision,
        [property: JsonPropertyName("size_bytes")] long SizeBytes,
        [property: JsonPropertyName("training_data_sha256")] string TrainingDataSha256,
        [property: JsonPropertyName("reviewed_examples")] int ReviewedExamples,
        [property: JsonPropertyName("promoted")] bool Promoted);

    /// <summary>A gold post one model flags and the other does not (each at its own threshold).</summary>
    public sealed record Disagreement(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("score_a")] double ScoreA,
        [property: JsonPropertyName("score_b")] double ScoreB,
        [property: JsonPropertyName("correct")] string Correct);

    public static ModelComparison Compare(GoldSet gold, GoldRun a, GoldRun b, string? promotedVersion)
    {
        var disagreements = new List<Disagreement>();
        for (var i = 0; i < gold.Records.Count; i++)
        {
            if (a.Flagged(i) == b.Flagged(i))
            {
                continue;
            }

            var correct = a.Flagged(i) == gold.Labels[i] ? a.Version : b.Version;
            disagreements.Add(new Disagreement(gold.Records[i].Id, gold.Records[i].Label ?? "", a.Scores[i], b.Scores[i], correct));
        }

        return new ModelComparison(gold.Path, gold.Records.Count, SideOf(a, promotedVersion), SideOf(b, promotedVersion),
            [.. disagreements.OrderByDescending(d => Math.Abs(d.ScoreA - d.ScoreB)).ThenBy(d => d.Id, StringComparer.Ordinal)]);
    }

    private static Side SideOf(GoldRun run, string? promoted) =>
        new(run.Version, run.Metrics, run.RecallAtPrecision, run.SizeBytes, run.TrainingDataSha256, run.ReviewedExamples, run.Version == promoted);
}
