using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScamWatch.Bench;
using ScamWatch.Classification;
using ScamWatch.Hosting;
using ScamWatch.Training;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch bench [crawl|classify|all]</c> and <c>scamwatch bench review</c>: measures on this machine and prints a
/// Markdown report (timings belong here, not in tests). Uses a throwaway SQLite file, never the configured database
/// (<c>bench review</c> takes <c>--db FILE</c> to keep its seeded file for another run).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "crawl, classify, export (100,000 takedown requests in every format; not part of all) or all.", DefaultValueFactory = _ => "all" };
        what.AcceptOnlyFromAmong("crawl", "classify", "export", "all");
        var posts = new Option<int>("--posts") { Description = "Posts on the local board for the full-crawl benchmark.", DefaultValueFactory = _ => 1000 };
        var output = new Option<string?>("--output") { Description = "Also write the report to this Markdown file." };
        var command = new Command("bench", "Run the benchmarks and print a Markdown report with machine info.") { what, posts, output, Review(), Swap() };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var dir = Path.Combine(Path.GetTempPath(), "scamwatch-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            var extra = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = Path.Combine(dir, "bench.db"),
                ["Crawler:DisablePoliteness"] = "true",
                ["Logging:File"] = "false",
            };
            try
            {
                using var host = CliContext.BuildHost(parse, extra);
                await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
                var sb = new StringBuilder();
                sb.AppendLine("# ScamWatch benchmarks").AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {BenchMachine.Describe()}. Peak memory is the process's peak resident set so far.").AppendLine();
                var kind = parse.GetValue(what);
                if (kind is "classify" or "all")
                {
                    await ClassifyAsync(host.Services, sb, ct).ConfigureAwait(false);
                }

                if (kind is "crawl" or "all")
                {
                    sb.AppendLine("## Crawling").AppendLine().AppendLine("| benchmark | wall time | rate | peak memory |").AppendLine("|---|---|---|---|");
                    sb.AppendLine(await CrawlBench.ExtractStoreAsync(host.Services, 2000, ct).ConfigureAwait(false));
                    sb.AppendLine(await CrawlBench.FullCrawlAsync(host.Services, parse.GetValue(posts), ct).ConfigureAwait(false));
                    sb.AppendLine();
                }

                if (kind is "export")
                {
                    sb.Append(await ExportBench.RunAsync(host.Services, dir, 100_000, ct).ConfigureAwait(false));
                }

                await Console.Out.WriteAsync(sb.ToString()).ConfigureAwait(false);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, sb.ToString(), ct).ConfigureAwait(false);
                }

                return CliRunner.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }

    /// <summary><c>bench review</c>: review UI and API latency on a database of <c>--posts</c> seeded posts.</summary>
    private static Command Review()
    {
        var posts = new Option<int>("--posts") { Description = "Posts to seed when the database is empty.", DefaultValueFactory = _ => 100_000 };
        var requests = new Option<int>("--requests") { Description = "Measured requests of each kind (after 30 warm-up requests of that kind).", DefaultValueFactory = _ => 200 };
        var output = new Option<string?>("--output") { Description = "Also write the report to this Markdown file." };
        var command = new Command("review",
            "Review UI and API latency (queue, item, decision) on a seeded SQLite database: a temporary file, or --db FILE (seeded when empty, kept, reused).")
        {
            posts, requests, output,
        };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            if (parse.GetValue(posts) < 1000 || parse.GetValue(requests) < 10)
            {
                throw new UsageException("--posts must be at least 1000 and --requests at least 10");
            }

            var db = parse.GetValue(CliContext.Db);
            if (db?.Contains('=', StringComparison.Ordinal) == true)
            {
                throw new UsageException("bench review measures SQLite: --db must be a file path");
            }

            var dir = Path.Combine(Path.GetTempPath(), "scamwatch-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            var path = db is null ? Path.Combine(dir, "review.db") : Path.GetFullPath(db);
            var extra = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = path,
                ["Web:KeysPath"] = Path.Combine(dir, "keys"),
                // The server logs every request to its file as in production; the console stays quiet for the report.
                ["Logging:Directory"] = Path.Combine(dir, "logs"),
                ["Logging:ConsoleLevel"] = "Warning",
            };
            try
            {
                var report = await ReviewBench.RunAsync(CliContext.Configuration(parse, extra), path, parse.GetValue(posts), parse.GetValue(requests), ct).ConfigureAwait(false);
                await Console.Out.WriteAsync(report).ConfigureAwait(false);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, report, ct).ConfigureAwait(false);
                }

                return CliRunner.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }

    /// <summary><c>bench swap</c>: promote-to-first-verdict time under load, on a copy of the models folder.</summary>
    private static Command Swap()
    {
        var rounds = new Option<int>("--rounds") { Description = "Promotions each way (half picked up by the file watcher, half by an explicit reload).", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--output") { Description = "Also write the report to this Markdown file." };
        var command = new Command("swap", "Time from writing promoted.json to the first verdict scored by the new version, while classifying on every core.") { rounds, output };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            if (parse.GetValue(rounds) < 1)
            {
                throw new UsageException("--rounds must be at least 1");
            }

            var dir = Path.Combine(Path.GetTempPath(), "scamwatch-bench-" + Guid.NewGuid().ToString("N")[..8]);
            var models = Path.Combine(dir, "models");
            Directory.CreateDirectory(models);
            try
            {
                // The real models folder is never written: the promoted version is copied and promoted in a scratch folder.
                var configured = CliContext.Configuration(parse).GetSection(ClassifierOptions.Section).Get<ClassifierOptions>() ?? new ClassifierOptions();
                var source = new ModelStore(Options.Create(configured));
                var version = source.PromotedVersion() ?? throw new UsageException($"no promoted model in {source.ModelsPath}");
                File.Copy(source.PathFor(version), Path.Combine(models, version + ".zip"));
                File.Copy(ModelCard.CardPathFor(source.PathFor(version)), Path.Combine(models, version + ".json"));
                var extra = new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Sqlite",
                    ["Storage:SqlitePath"] = Path.Combine(dir, "bench.db"),
                    ["Classifier:ModelsPath"] = models,
                    ["Logging:File"] = "false",
                    ["Logging:ConsoleLevel"] = "Warning",
                };
                using var host = CliContext.BuildHost(parse, extra);
                host.Services.GetRequiredService<ModelStore>().Promote(version, DateTimeOffset.UnixEpoch);
                var sb = new StringBuilder();
                sb.AppendLine("# ScamWatch benchmarks").AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {BenchMachine.Describe()}.").AppendLine();
                sb.Append(await SwapBench.RunAsync(host.Services, models, parse.GetValue(rounds), ct).ConfigureAwait(false));
                await Console.Out.WriteAsync(sb.ToString()).ConfigureAwait(false);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, sb.ToString(), ct).ConfigureAwait(false);
                }

                return CliRunner.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }

    private static async Task ClassifyAsync(IServiceProvider services, StringBuilder sb, CancellationToken ct)
    {
        var corpus = Directory.GetFiles(Path.Combine("training-data", "corpus"), "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        var gold = Path.Combine("training-data", "gold", "gold.jsonl");
        if (corpus.Length == 0 || !File.Exists(gold))
        {
            throw new UsageException("bench classify runs from the repository root (needs training-data/corpus and training-data/gold)");
        }

        var training = await LabelledData.LoadAsync(corpus, ct).ConfigureAwait(false);
        var goldRecords = (await LabelledData.LoadAsync([gold], ct).ConfigureAwait(false)).Records;
        var modelPath = Path.Combine(Path.GetTempPath(), "scamwatch-bench-model-" + Guid.NewGuid().ToString("N")[..8] + ".zip");
        try
        {
            var options = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
            var before = BenchMachine.PeakMiB();
            var watch = Stopwatch.StartNew();
            var trained = services.GetRequiredService<LureTrainer>().Train(training.Records, corpus, training.Sha256, modelPath, options, training.Sources);
            watch.Stop();
            var model = LureModel.Load(modelPath);
            sb.AppendLine("## Classifier").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"Training on {training.Records.Count:N0} posts ({corpus.Length} files, each held out in turn for the out-of-fold calibration and threshold, then the final fit): {watch.Elapsed.TotalSeconds:0.0} s, peak memory {BenchMachine.PeakMiB():0} MiB (before {before:0} MiB); model file {new FileInfo(modelPath).Length / 1024.0:0} KiB; out-of-fold precision {trained.OutOfFold.Precision:0.###}, recall {trained.OutOfFold.Recall:0.###}.");
            sb.AppendLine();
            sb.AppendLine(ClassifyBench.Quality(model, goldRecords));
            sb.AppendLine("| benchmark | wall time | rate | peak memory |").AppendLine("|---|---|---|---|");
            sb.AppendLine(ClassifyBench.Speed(model, [.. training.Records], repeat: 3));
            sb.AppendLine();
        }
        finally
        {
            File.Delete(modelPath);
            File.Delete(ModelCard.CardPathFor(modelPath));
        }
    }
}
