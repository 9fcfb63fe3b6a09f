using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScamWatch.Hosting;
using ScamWatch.Training;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch train --data FILE [--data FILE ...] --output PATH [--seed N]</c> (CONTRACTS.md). Does not promote.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labelled post records (JSON Lines); repeat for several files.", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output") { Description = "Model .zip to write; its card goes beside it as .json.", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Random seed (folds and trainer). Default: Training:Seed (1)." };
        var target = new Option<double?>("--target-precision") { Description = "Precision the threshold must reach out-of-fold. Default: Training:TargetPrecision (0.95)." };
        var command = new Command("train", "Train a model from labelled post records and write it with its card (not promoted).") { data, output, seed, target };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var outputPath = parse.GetValue(output)!;
            if (!outputPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException("--output must name a .zip file");
            }

            using var host = CliContext.BuildHost(parse);
            var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrainingOptions>>().Value;
            if (parse.GetValue(seed) is { } s)
            {
                options.Seed = s;
            }

            if (parse.GetValue(target) is { } t)
            {
                options.TargetPrecision = t is > 0.5 and <= 1 ? t : throw new UsageException("--target-precision must be in (0.5, 1]");
            }

            var files = parse.GetValue(data)!;
            var loaded = await LabelledData.LoadAsync(files, ct).ConfigureAwait(false);
            var trainer = host.Services.GetRequiredService<LureTrainer>();
            var result = trainer.Train(loaded.Records, [.. files.Select(Path.GetFileName).OfType<string>()], loaded.Sha256, outputPath, options, loaded.Sources);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                model = result.ModelPath,
                version = result.Card.Version,
                examples = loaded.Records.Count,
                rejected = loaded.Rejected,
                threshold = result.Card.Threshold,
                threshold_reason = result.Threshold.Reason,
                out_of_fold = result.OutOfFold,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
            }, JsonLines.SerializerOptions)).ConfigureAwait(false);
            host.Services.GetRequiredService<ILogger<LureTrainer>>().LogInformation("Model card written to {CardPath}", Classification.ModelCard.CardPathFor(outputPath));
            return loaded.Rejected == 0 ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }
}
