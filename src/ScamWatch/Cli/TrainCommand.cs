using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;
using ScamWatch.Hosting;
using ScamWatch.Review;
using ScamWatch.Training;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch train --data FILE [--data FILE ...] --output PATH [--seed N]</c> (CONTRACTS.md). Does not promote unless
/// asked (<c>--promote</c>, through the gate). <c>--include-reviews</c> adds reviewer decisions from the database via an
/// immutable dataset snapshot; without <c>--output</c> the model is registered in the models folder as the next version.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labelled post records (JSON Lines); repeat for several files.", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--output") { Description = "Model .zip to write; its card goes beside it as .json. Default: the models folder, next version (VERSION.zip)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (folds and trainer). Default: Training:Seed (1)." };
        var target = new Option<double?>("--target-precision") { Description = "Precision the threshold must reach out-of-fold. Default: Training:TargetPrecision (0.95)." };
        var reviews = new Option<bool>("--include-reviews") { Description = "Add reviewed posts from the database (--db): confirmed = lure, rejected = legit, the reviewed version's text; writes an immutable snapshot first." };
        var snapshots = new Option<string?>("--snapshots") { Description = "Folder for dataset snapshots. Default: Training:SnapshotsPath (training-data/snapshots)." };
        var promote = new Option<bool>("--promote") { Description = "Promote the new model if it passes the gate (Training:Gate) against the champion; exit 1 with reasons if refused." };
        var gold = ModelsCommand.GoldOption();
        var command = new Command("train", "Train a model from labelled post records and write it with its card (not promoted unless --promote).")
        {
            data, output, seed, target, reviews, snapshots, promote, gold,
        };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var outputArg = parse.GetValue(output);
            if (outputArg is not null && !outputArg.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException("--output must name a .zip file");
            }

            using var host = CliContext.BuildHost(parse);
            var options = host.Services.GetRequiredService<IOptions<TrainingOptions>>().Value;
            if (parse.GetValue(seed) is { } s)
            {
                options.Seed = s;
            }

            if (parse.GetValue(target) is { } t)
            {
                options.TargetPrecision = t is > 0.5 and <= 1 ? t : throw new UsageException("--target-precision must be in (0.5, 1]");
            }

            var registry = host.Services.GetRequiredService<ModelRegistry>();
            var outputPath = outputArg ?? Path.Combine(registry.ModelsPath, registry.NextVersion() + ".zip");
            var files = parse.GetValue(data)!;
            var loaded = await LabelledData.LoadAsync(files, ct).ConfigureAwait(false);
            var fileNames = files.Select(f => Path.GetFileName(f)).ToList();

            var records = loaded.Records;
            var sources = loaded.Sources;
            var dataFiles = fileNames;
            var dataSha = loaded.Sha256;
            DatasetSnapshot.Written? snapshot = null;
            var conflicts = 0;
            if (parse.GetValue(reviews))
            {
                await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
                var resolution = ReviewLabels.Resolve(await host.Services.GetRequiredService<ReviewedDecisions>().ReadAllAsync(ct).ConfigureAwait(false));
                foreach (var c in resolution.Conflicts)
                {
                    await Console.Error.WriteLineAsync($"review conflict: post {c.Post} (id {c.PostId}): {string.Join("; ", c.Decisions)} => {c.Label}: {c.Reason}").ConfigureAwait(false);
                }

                conflicts = resolution.Conflicts.Count;
                var parts = fileNames.Select((name, i) => new DatasetSnapshot.Part(name, [.. loaded.Records.Where((_, k) => loaded.Sources[k] == i)])).ToList();
                parts.Add(new DatasetSnapshot.Part("reviews", [.. resolution.Examples.Select(e => e.Record)]));
                var content = DatasetSnapshot.Build(parts);
                var reviewed = resolution.Examples.Select(e => e.Record).ToList();
                snapshot = DatasetSnapshot.Write(parse.GetValue(snapshots) ?? options.SnapshotsPath, content, new SnapshotManifest
                {
                    CreatedAt = host.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                    Examples = content.Records.Count,
                    Positives = content.Records.Count(r => r.Label == "lure"),
                    ReviewedExamples = reviewed.Count,
                    ReviewedLure = reviewed.Count(r => r.Label == "lure"),
                    ReviewedLegit = reviewed.Count(r => r.Label == "legit"),
                    ReviewedPostsExcluded = resolution.ExcludedPosts,
                    Sources = content.SourceCounts,
                    Conflicts = resolution.Conflicts,
                });
                host.Services.GetRequiredService<ILogger<LureTrainer>>().LogInformation(
                    "Dataset snapshot {SnapshotSha} at {SnapshotPath} ({Reused}): {Examples} examples, {Reviewed} from reviews, {Conflicts} conflicts",
                    content.Sha256, snapshot.Directory, snapshot.Reused ? "reused" : "new", content.Records.Count, reviewed.Count, conflicts);
                records = content.Records;
                sources = content.Sources;
                dataFiles = [.. parts.Select(p => p.Source)];
                dataSha = content.Sha256;
            }

            var trainer = host.Services.GetRequiredService<LureTrainer>();
            var result = trainer.Train(records, dataFiles, dataSha, outputPath, options, sources);
            var card = result.Card;
            if (snapshot is not null)
            {
                card = card with { TrainingData = card.TrainingData with { ReviewedExamples = snapshot.Manifest.ReviewedExamples, Snapshot = snapshot.Directory } };
                card.Save(ModelCard.CardPathFor(outputPath));
            }

            ModelRegistry.PromotionResult? promotion = null;
            if (parse.GetValue(promote))
            {
                var inRegistry = Path.GetFullPath(outputPath) == Path.GetFullPath(Path.Combine(registry.ModelsPath, card.Version + ".zip"));
                if (!inRegistry)
                {
                    await Console.Error.WriteLineAsync($"scamwatch train: --promote needs the model registered in {registry.ModelsPath} as {card.Version}.zip; omit --output").ConfigureAwait(false);
                    return CliRunner.Failed;
                }

                promotion = registry.Promote(card.Version, ModelsCommand.LoadGold(host.Services, parse.GetValue(gold)), force: false);
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                model = result.ModelPath,
                version = card.Version,
                examples = records.Count,
                rejected = loaded.Rejected,
                threshold = card.Threshold,
                threshold_reason = result.Threshold.Reason,
                out_of_fold = result.OutOfFold,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                training_data_sha256 = dataSha,
                reviewed_examples = card.TrainingData.ReviewedExamples,
                snapshot = snapshot?.Directory,
                snapshot_reused = snapshot?.Reused,
                review_conflicts = snapshot is null ? (int?)null : conflicts,
                promoted = promotion?.Promoted,
                gate_reasons = promotion?.Decision.Reasons,
            }, JsonLines.SerializerOptions)).ConfigureAwait(false);
            host.Services.GetRequiredService<ILogger<LureTrainer>>().LogInformation("Model card written to {CardPath}", ModelCard.CardPathFor(outputPath));
            if (promotion is { Promoted: false })
            {
                foreach (var reason in promotion.Decision.Reasons)
                {
                    await Console.Error.WriteLineAsync($"scamwatch train: not promoted {card.Version}: {reason}").ConfigureAwait(false);
                }

                return CliRunner.Failed;
            }

            return loaded.Rejected == 0 ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }
}
