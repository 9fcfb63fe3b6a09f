using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScamWatch.Hosting;
using ScamWatch.Takedown;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch export --output FILE [--platform NAME] [--format csv|jsonl] [--lang ko|en]</c>: takedown requests.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Output file (- for stdout).", Required = true };
        var platform = new Option<string?>("--platform") { Description = "Only this platform's requests (an operator's list)." };
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with BOM) or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var lang = new Option<string>("--lang") { Description = "CSV header language: ko or en.", DefaultValueFactory = _ => "ko" };
        lang.AcceptOnlyFromAmong("ko", "en");
        var audit = new Option<bool>("--audit") { Description = "Export the review audit log (every decision, append-only) as JSON Lines instead of takedown requests." };
        var command = new Command("export", "Write takedown requests for confirmed lures (per platform) as CSV or JSON Lines, or the audit log.") { output, platform, format, lang, audit };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            if (parse.GetValue(audit))
            {
                await using var auditStream = CliRunner.OpenOutput(parse.GetValue(output)!);
                var count = 0;
                await foreach (var entry in host.Services.GetRequiredService<Review.ReviewQueue>().StreamAuditAsync(ct).ConfigureAwait(false))
                {
                    await auditStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(entry, AuditJson), ct).ConfigureAwait(false);
                    auditStream.WriteByte((byte)'\n');
                    count++;
                }

                await Console.Error.WriteLineAsync($"{count} audit entries written").ConfigureAwait(false);
                return CliRunner.Ok;
            }

            var store = host.Services.GetRequiredService<TakedownStore>();
            var requests = store.StreamAsync(parse.GetValue(platform), ct);
            await using var stream = CliRunner.OpenOutput(parse.GetValue(output)!);
            var n = await TakedownFormats.WriteAsync(stream, parse.GetValue(format)!, requests, parse.GetValue(lang) == "ko", ct).ConfigureAwait(false);
            host.Services.GetRequiredService<ILogger<TakedownStore>>().LogInformation(
                "Exported {Count} takedown requests for platform {Platform} as {Format}", n, parse.GetValue(platform) ?? "(all)", parse.GetValue(format));
            await Console.Error.WriteLineAsync($"{n} takedown requests written").ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonLines.SerializerOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
