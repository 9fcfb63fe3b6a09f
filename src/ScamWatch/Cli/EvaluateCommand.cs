using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Classification;
using ScamWatch.Training;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch evaluate --model PATH --data FILE [--report DIR]</c> (CONTRACTS.md).</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model .zip to evaluate (card beside it).", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled post records (JSON Lines).", Required = true };
        var report = new Option<string?>("--report") { Description = "Also write an HTML report (PR curve, histogram, confusion matrix, breakdowns) into this folder." };
        var command = new Command("evaluate", "Measure a model on labelled records; prints one JSON object of metrics (lure = positive).") { model, data, report };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var lure = host.Services.GetRequiredService<Classifier>().LoadFrom(parse.GetValue(model)!);
            var loaded = await LabelledData.LoadAsync([parse.GetValue(data)!], ct).ConfigureAwait(false);
            if (loaded.Records.Count == 0)
            {
                await Console.Error.WriteLineAsync("no usable labelled records").ConfigureAwait(false);
                return CliRunner.Failed;
            }

            var (metrics, scored) = host.Services.GetRequiredService<ModelEvaluator>().Evaluate(lure, loaded.Records);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(metrics, JsonLines.SerializerOptions)).ConfigureAwait(false);
            if (parse.GetValue(report) is { } dir)
            {
                var path = EvaluationReport.Write(dir, lure.Version, metrics, scored);
                await Console.Error.WriteLineAsync($"report written to {path}").ConfigureAwait(false);
            }

            return loaded.Rejected == 0 ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }
}
