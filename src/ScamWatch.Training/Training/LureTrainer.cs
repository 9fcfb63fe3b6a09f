using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Data;
using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Training;

/// <summary>
/// Trains a model: out-of-fold margins give calibration, threshold and honest metrics; the final model is then
/// fitted on all records. Seeded: the same data and seed give the same model.
/// </summary>
public sealed class LureTrainer(TimeProvider clock, ILogger<LureTrainer> logger)
{
    public sealed record Result(ModelCard Card, string ModelPath, BinaryMetrics OutOfFold, ThresholdSelector.Choice Threshold, TimeSpan Elapsed);

    // With three or more sources (files, i.e. writers) the out-of-fold scores hold out one whole source at a time,
    // so threshold and metrics reflect text from writers the model has not seen, which is what it meets in service.
    public Result Train(IReadOnlyList<PostRecord> records, IReadOnlyList<string> dataFiles, string dataSha256, string outputPath, TrainingOptions options,
        IReadOnlyList<int>? sources = null)
    {
        var watch = Stopwatch.StartNew();
        var ruleNames = RedFlagRules.Names;
        var labels = records.Select(r => r.Label == "lure").ToArray();
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Length)
        {
            throw new InvalidDataException($"training needs both labels; found {positives} lure and {labels.Length - positives} legit records");
        }

        // Balanced class weights: each class contributes half of the total weight.
        var positiveWeight = (float)(labels.Length / (2.0 * positives));
        var negativeWeight = (float)(labels.Length / (2.0 * (labels.Length - positives)));
        var inputs = records.Select((r, i) =>
        {
            var text = PostText.From(r);
            return ModelInput.From(text, ruleNames, RedFlagRules.Evaluate(text), labels[i], labels[i] ? positiveWeight : negativeWeight);
        }).ToArray();

        var bySource = sources is not null && sources.Distinct().Count() >= 3;
        var folds = bySource ? [.. sources!] : StratifiedFolds(labels, options.Folds, options.Seed);
        var margins = OutOfFoldMargins(inputs, folds, ruleNames.Count, options);
        var calibration = PlattFitter.Fit(margins, labels);
        if (!PlattFitter.IsSane(calibration))
        {
            logger.LogWarning("Platt calibration diverged (A={A}, B={B}); scores use the logistic regression's own probabilities", calibration.A, calibration.B);
            calibration = new PlattCalibration();
        }

        var probabilities = margins.Select(calibration.Apply).ToArray();
        var choice = ThresholdSelector.Select(labels, probabilities, options.TargetPrecision, options.MinPositivesForTargetPrecision);
        var oof = BinaryMetrics.Compute(labels, probabilities, choice.Threshold);
        logger.LogInformation(
            "Out-of-fold over {Folds} folds ({Scheme}): ROC AUC {RocAuc}, PR AUC {PrAuc}, precision {Precision}, recall {Recall} at threshold {Threshold}",
            folds.Distinct().Count(), bySource ? "one source held out at a time" : "stratified", oof.RocAuc, oof.PrAuc, oof.Precision, oof.Recall, oof.Threshold);

        var ml = new MLContext(seed: options.Seed);
        var all = ModelInput.ToDataView(ml, inputs, ruleNames.Count);
        var model = LurePipeline.BuildPipeline(ml, options).Fit(all);

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        Directory.CreateDirectory(directory);
        var tmp = outputPath + ".tmp";
        using (var stream = File.Create(tmp))
        {
            ml.Model.Save(model, all.Schema, stream);
        }

        File.Move(tmp, outputPath, overwrite: true);
        var now = clock.GetUtcNow();
        var card = new ModelCard
        {
            Version = NextVersion(directory, now, Path.GetFileNameWithoutExtension(outputPath)),
            Sha256 = Sha256File(outputPath),
            TrainedAt = now,
            Seed = options.Seed,
            TrainingData = new TrainingDataInfo { Files = dataFiles, Sha256 = dataSha256, Examples = records.Count, Positives = positives },
            Featurizer = LurePipeline.Describe(options, positiveWeight / negativeWeight),
            Rules = [.. ruleNames],
            Calibration = calibration,
            Threshold = choice.Threshold,
            TargetPrecision = options.TargetPrecision,
            SizeBytes = new FileInfo(outputPath).Length,
            Metrics = new Dictionary<string, double>
            {
                ["oof_precision"] = oof.Precision,
                ["oof_recall"] = oof.Recall,
                ["oof_f1"] = oof.F1,
                ["oof_roc_auc"] = oof.RocAuc,
                ["oof_pr_auc"] = oof.PrAuc,
                ["threshold_met_target"] = choice.MetTarget ? 1 : 0,
                ["oof_folds"] = folds.Distinct().Count(),
                ["oof_held_out_by_source"] = bySource ? 1 : 0,
                ["training_seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
            },
        };
        card.Save(ModelCard.CardPathFor(outputPath));
        logger.LogInformation("Trained model {ModelVersion} on {Examples} records in {ElapsedMs} ms: {ModelPath}",
            card.Version, records.Count, watch.ElapsedMilliseconds, outputPath);
        return new Result(card, outputPath, oof, choice, watch.Elapsed);
    }

    private static double[] OutOfFoldMargins(ModelInput[] inputs, int[] folds, int ruleCount, TrainingOptions options)
    {
        var margins = new double[inputs.Length];
        foreach (var f in folds.Distinct().Order())
        {
            var ml = new MLContext(seed: options.Seed + f);
            var trainIdx = Enumerable.Range(0, inputs.Length).Where(i => folds[i] != f).ToArray();
            var testIdx = Enumerable.Range(0, inputs.Length).Where(i => folds[i] == f).ToArray();
            var model = LurePipeline.BuildPipeline(ml, options).Fit(ModelInput.ToDataView(ml, trainIdx.Select(i => inputs[i]), ruleCount));
            var scored = model.Transform(ModelInput.ToDataView(ml, testIdx.Select(i => inputs[i]), ruleCount));
            var scores = scored.GetColumn<float>("Score").ToArray();
            for (var k = 0; k < testIdx.Length; k++)
            {
                margins[testIdx[k]] = scores[k];
            }
        }

        return margins;
    }

    /// <summary>Fold per record, stratified by label, shuffled with the seed.</summary>
    public static int[] StratifiedFolds(bool[] labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Length];
        foreach (var label in new[] { true, false })
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            random.Shuffle(idx);
            for (var k = 0; k < idx.Length; k++)
            {
                assignment[idx[k]] = k % folds;
            }
        }

        return assignment;
    }

    public static string Sha256File(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>"2026-11-25.N": the date and the next free number among the cards in the folder.</summary>
    private static string NextVersion(string directory, DateTimeOffset now, string fileStem)
    {
        var date = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (fileStem.StartsWith(date + ".", StringComparison.Ordinal))
        {
            return fileStem;
        }

        var n = 1;
        while (File.Exists(Path.Combine(directory, $"{date}.{n}.json")))
        {
            n++;
        }

        return $"{date}.{n}";
    }
}
