using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScamWatch.Tests.Support;
using Xunit.Abstractions;

namespace ScamWatch.Tests.Training;

/// <summary>
/// Outside check: train and evaluate through the real executable on real English job postings (the EMSCAD subset in
/// ../shared/datasets/emscad), and compare with the scikit-learn reference in that folder's BASELINE.md.
/// </summary>
public sealed class EmscadOutsideCheckTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TrainEvaluate_EmscadSplit_RanksFraudLikeReference()
    {
        var dataset = Emscad.DefaultDirectory;
        Assert.True(Directory.Exists(dataset),
            $"EMSCAD dataset folder not found at {dataset}. This check needs emscad_subset.csv and split.csv there " +
            "(outside the repository, beside it); it must not be skipped.");

        var train = Emscad.ToPostRecords(dataset, "train", _dir.File("train.jsonl"));
        var test = Emscad.ToPostRecords(dataset, "test", _dir.File("test.jsonl"));
        Assert.Equal((1128, 37), train);

        var trainWatch = Stopwatch.StartNew();
        var trained = await CliProcess.RunAsync(_dir.Path, null, "train", "--data", "train.jsonl", "--output", "model.zip", "--seed", "1");
        trainWatch.Stop();
        Assert.True(trained.ExitCode == 0, $"train exited {trained.ExitCode}: {trained.Stderr}");

        var evaluateWatch = Stopwatch.StartNew();
        var evaluated = await CliProcess.RunAsync(_dir.Path, null, "evaluate", "--model", "model.zip", "--data", "test.jsonl", "--report", "reportdir");
        evaluateWatch.Stop();
        Assert.True(evaluated.ExitCode == 0, $"evaluate exited {evaluated.ExitCode}: {evaluated.Stderr}");

        var metrics = JsonNode.Parse(evaluated.Stdout.Trim())!.AsObject();
        var result = new JsonObject
        {
            ["dataset"] = "EMSCAD subset, split.csv test rows (BASELINE.md reference (a): ROC AUC 0.981, PR AUC 0.724)",
            ["train_records"] = train.Records,
            ["train_lures"] = train.Lures,
            ["test_records"] = test.Records,
            ["test_lures"] = test.Lures,
            ["train_wall_seconds"] = Math.Round(trainWatch.Elapsed.TotalSeconds, 2),
            ["evaluate_wall_seconds"] = Math.Round(evaluateWatch.Elapsed.TotalSeconds, 2),
            ["train"] = JsonNode.Parse(trained.Stdout.Trim()),
            ["evaluate"] = metrics.DeepClone(),
        };
        var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        output.WriteLine(text);
        Directory.CreateDirectory(Path.Combine(Repo.Root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(Repo.Root, "artifacts", "emscad-metrics.json"), text + "\n");

        Assert.Equal(283, metrics["n"]!.GetValue<int>());
        Assert.Equal(9, metrics["positives"]!.GetValue<int>());
        Assert.True(File.Exists(_dir.File(Path.Combine("reportdir", "report.html"))), "evaluate --report wrote no reportdir/report.html");

        // Conservative bounds: the reference minus more than the cross-validation noise, but far above what a
        // pipeline that scrambles labels, text or scores would reach (chance is ROC AUC 0.5, PR AUC ~0.03).
        Assert.InRange(metrics["roc_auc"]!.GetValue<double>(), 0.85, 1.0);
        Assert.InRange(metrics["pr_auc"]!.GetValue<double>(), 0.35, 1.0);
    }
}
