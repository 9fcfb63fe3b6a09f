using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch classify --input FILE --output FILE [--model PATH]</c> (CONTRACTS.md).</summary>
public static class ClassifyCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Post records, JSON Lines (- for stdin).", Required = true };
        var output = new Option<string>("--output") { Description = "Predictions, JSON Lines in input order (- for stdout).", Required = true };
        var model = new Option<string?>("--model") { Description = "Model .zip (its card .json beside it). Default: the promoted model in models/." };
        var command = new Command("classify", "Score post records and explain each verdict.") { input, output, model };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            var classifier = host.Services.GetRequiredService<Classifier>();
            var modelPath = parse.GetValue(model);
            var lure = modelPath is null ? classifier.Current : classifier.LoadFrom(modelPath);

            using var reader = CliRunner.OpenInput(parse.GetValue(input)!);
            await using var stream = CliRunner.OpenOutput(parse.GetValue(output)!);
            var rejected = await RunAsync(lure, reader, stream, ct).ConfigureAwait(false);
            return rejected == 0 ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }

    /// <summary>Classifies every line; returns how many lines were rejected (each reported on stderr and in the output).</summary>
    public static async Task<int> RunAsync(LureModel model, TextReader reader, Stream output, CancellationToken ct)
    {
        var rejected = 0;
        await using var writer = new Utf8JsonWriter(output, JsonLines.WriterOptions);
        await foreach (var line in PostRecordReader.ReadAsync(reader, requireLabel: false, ct).ConfigureAwait(false))
        {
            if (line.Record is { } record)
            {
                var verdict = model.Classify(PostText.From(record));
                WriteVerdict(writer, record.Id, verdict);
            }
            else
            {
                rejected++;
                await Console.Error.WriteLineAsync($"line {line.Line}: {line.Error}").ConfigureAwait(false);
                writer.WriteStartObject();
                writer.WriteNumber("line", line.Line);
                writer.WriteString("error", line.Error);
                writer.WriteEndObject();
            }

            await JsonLines.EndLineAsync(writer, output, ct).ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return rejected;
    }

    public static void WriteVerdict(Utf8JsonWriter writer, string id, Verdict verdict)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteNumber("score", Math.Round(verdict.Score, 4));
        writer.WriteBoolean("flagged", verdict.Flagged);
        writer.WriteNumber("threshold", Math.Round(verdict.Threshold, 4));
        writer.WriteString("model", verdict.Model);
        writer.WriteStartArray("reasons");
        foreach (var reason in verdict.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", reason.Kind);
            writer.WriteString("name", reason.Name);
            writer.WriteNumber("weight", Math.Round(reason.Weight, 3));
            writer.WriteString("text", reason.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
