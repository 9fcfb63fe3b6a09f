using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScamWatch.Hosting;
using ScamWatch.Takedown;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch export --output FILE [--platform NAME] [--format csv|jsonl|xarf|stix] [--lang ko|en]</c>: takedown
/// requests; <c>--stats [--format table|json]</c>: the figures per platform; <c>--audit</c>: the review audit log.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output") { Description = "Output file (- for stdout). Required for requests and --audit; --stats prints to stdout unless given." };
        var platform = new Option<string?>("--platform") { Description = "Only this platform's requests (an operator's list), or its figures with --stats." };
        var format = new Option<string>("--format")
        {
            Description = "Requests: csv (UTF-8 with BOM), jsonl, xarf (XARF v4, one report per line) or stix (one STIX 2.1 bundle). " +
                          "With --stats: table (default) or json.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong([.. TakedownFormats.All, "table", "json"]);
        var lang = new Option<string>("--lang") { Description = "CSV header language: ko or en.", DefaultValueFactory = _ => "ko" };
        lang.AcceptOnlyFromAmong("ko", "en");
        var audit = new Option<bool>("--audit") { Description = "Export the review audit log (every decision, append-only) as JSON Lines instead of takedown requests." };
        var stats = new Option<bool>("--stats")
        {
            Description = "Print per platform: requests by state, median time to takedown (from decided-at and from sent-at to the first " +
                          "removed/verified-removed), and the overdue list (sent/acknowledged/no-response past the deadline, not removed).",
        };
        var command = new Command("export", "Write takedown requests for confirmed lures (per platform) as CSV, JSON Lines, XARF or STIX; their figures (--stats); or the audit log.")
        {
            output, platform, format, lang, audit, stats,
        };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var formatGiven = parse.GetResult(format) is { Implicit: false };
            var chosen = parse.GetValue(format)!;
            if (parse.GetValue(stats))
            {
                if (formatGiven && chosen is not ("table" or "json"))
                {
                    throw new UsageException("--stats prints --format table or json");
                }

                return await StatsAsync(parse, parse.GetValue(output) ?? "-", parse.GetValue(platform), formatGiven ? chosen : "table", ct).ConfigureAwait(false);
            }

            var path = parse.GetValue(output) ?? throw new UsageException("--output is required (- for stdout)");
            if (chosen is "table" or "json")
            {
                throw new UsageException($"--format {chosen} is for --stats; requests are csv, jsonl, xarf or stix");
            }

            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            if (parse.GetValue(audit))
            {
                await using var auditStream = CliRunner.OpenOutput(path);
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

            await using var stream = CliRunner.OpenOutput(path);
            var n = await host.Services.GetRequiredService<TakedownExporter>()
                .WriteAsync(stream, chosen, parse.GetValue(platform), parse.GetValue(lang) == "ko", ct).ConfigureAwait(false);
            host.Services.GetRequiredService<ILogger<TakedownStore>>().LogInformation(
                "Exported {Count} takedown requests for platform {Platform} as {Format}", n, parse.GetValue(platform) ?? "(all)", chosen);
            await Console.Error.WriteLineAsync($"{n} takedown requests written").ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }

    private static async Task<int> StatsAsync(ParseResult parse, string path, string? platform, string format, CancellationToken ct)
    {
        using var host = CliContext.BuildHost(parse);
        await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var figures = (await host.Services.GetRequiredService<TakedownStore>().StatsAsync(now, ct).ConfigureAwait(false))
            .Where(p => platform is null || p.Platform == platform).ToList();
        await using var stream = CliRunner.OpenOutput(path);
        var bytes = format == "json"
            ? TakedownStatsText.Json(figures, now)
            : System.Text.Encoding.UTF8.GetBytes(TakedownStatsText.Table(figures, now));
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return CliRunner.Ok;
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonLines.SerializerOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
