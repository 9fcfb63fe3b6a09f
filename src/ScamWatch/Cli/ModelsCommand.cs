using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;
using ScamWatch.Training;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch models list | show V | compare A B | promote V</c>: the model registry and the promotion gate.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Model registry: list versions, show a card, compare two versions on the gold set, promote through the gate.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Compare());
        command.Subcommands.Add(Promote());
        return command;
    }

    internal static Option<string?> GoldOption() =>
        new("--gold") { Description = "Frozen gold set (labelled JSON Lines). Default: Training:Gate:GoldPath (training-data/gold/gold.jsonl)." };

    internal static GoldSet LoadGold(IServiceProvider services, string? gold) =>
        GoldSet.Load(gold ?? services.GetRequiredService<IOptions<PromotionGateOptions>>().Value.GoldPath);

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per version (card plus \"promoted\") instead of a table." };
        var command = new Command("list", "List model versions, oldest first; the promoted one is marked with *.") { json };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var entries = host.Services.GetRequiredService<ModelRegistry>().List();
            foreach (var e in entries)
            {
                var line = parse.GetValue(json)
                    ? JsonSerializer.Serialize(new { promoted = e.Promoted, card = e.Card }, JsonLines.SerializerOptions)
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{(e.Promoted ? "*" : " ")} {e.Card.Version,-14} trained {e.Card.TrainedAt:yyyy-MM-dd HH:mm}Z  examples {e.Card.TrainingData.Examples,6}  reviewed {e.Card.TrainingData.ReviewedExamples,5}  oof_pr_auc {e.Card.Metrics.GetValueOrDefault("oof_pr_auc"):0.000}  threshold {e.Card.Threshold:0.000}  size {e.Card.SizeBytes,8}  data {Short(e.Card.TrainingData.Sha256)}");
                await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            return CliRunner.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var version = new Argument<string>("version") { Description = "Model version, e.g. 2026-11-25.2." };
        var command = new Command("show", "Print a version's card (JSON) with whether it is promoted.") { version };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var registry = host.Services.GetRequiredService<ModelRegistry>();
            var card = registry.Show(parse.GetValue(version)!);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { promoted = registry.Promoted == card.Version, card }, ModelCard.JsonOptions)).ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }

    private static Command Compare()
    {
        var a = new Argument<string>("a") { Description = "First version." };
        var b = new Argument<string>("b") { Description = "Second version." };
        var gold = GoldOption();
        var command = new Command("compare", "Both versions on the same gold set: metrics, size, training-data hash, and the posts they disagree on (JSON).") { a, b, gold };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var comparison = host.Services.GetRequiredService<ModelRegistry>().Compare(parse.GetValue(a)!, parse.GetValue(b)!, LoadGold(host.Services, parse.GetValue(gold)));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(comparison, ModelCard.JsonOptions)).ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }

    private static Command Promote()
    {
        var version = new Argument<string>("version") { Description = "Version to promote." };
        var force = new Option<bool>("--force") { Description = "Promote even when the gate refuses (the reasons are still printed and logged)." };
        var gold = GoldOption();
        var command = new Command("promote", "Promote a version if it passes the gate against the current champion (Training:Gate); refusals say why and exit 1.") { version, force, gold };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var registry = host.Services.GetRequiredService<ModelRegistry>();
            var result = registry.Promote(parse.GetValue(version)!, LoadGold(host.Services, parse.GetValue(gold)), parse.GetValue(force));
            return await ReportAsync(parse.GetValue(version)!, result).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints a gate outcome: JSON on stdout; a refusal also one line per reason on stderr, exit 1.</summary>
    internal static async Task<int> ReportAsync(string version, ModelRegistry.PromotionResult result)
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            version,
            promoted = result.Promoted,
            forced = result.Forced,
            previous = result.Previous,
            gate_passed = result.Decision.Promote,
            reasons = result.Decision.Reasons,
        }, JsonLines.SerializerOptions)).ConfigureAwait(false);
        if (result.Promoted)
        {
            return CliRunner.Ok;
        }

        foreach (var reason in result.Decision.Reasons)
        {
            await Console.Error.WriteLineAsync($"scamwatch models promote: refused {version}: {reason}").ConfigureAwait(false);
        }

        return CliRunner.Failed;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
