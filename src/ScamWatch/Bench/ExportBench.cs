using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Demo;
using ScamWatch.Posts;
using ScamWatch.Storage;
using ScamWatch.Takedown;

namespace ScamWatch.Bench;

/// <summary>
/// Export benchmark: seeds takedown requests (with the posts, versions, captured pages, contact handles and events
/// they reference, as the app writes them) into the bench database in one transaction, then exports the first 10k,
/// 50k and 100k in every format to a file, sampling the managed heap and working set while each export runs.
/// </summary>
public static class ExportBench
{
    public static readonly IReadOnlyList<string> Platforms = ["albaplus", "jobkorea-board", "worknet-free", "community-gig", "overseas-jobs"];

    public static async Task<string> RunAsync(IServiceProvider services, string dir, int rows, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var watch = Stopwatch.StartNew();
        await SeedAsync(services.GetRequiredService<Database>(), rows, ct).ConfigureAwait(false);
        watch.Stop();
        // The seeding connection's page cache would otherwise stay in the pool and in every working-set figure below.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        sb.AppendLine("## Takedown export").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Seeded {rows:N0} takedown requests (each with its post, version, gzip-compressed captured page, contact handles and events; {Platforms.Count} platforms) in one transaction: {watch.Elapsed.TotalSeconds:0.0} s ({rows / watch.Elapsed.TotalSeconds:N0} requests/s); database {new FileInfo(Path.Combine(dir, "bench.db")).Length / 1048576.0:0} MiB.");
        sb.AppendLine();
        sb.AppendLine("Peak managed heap and peak working set are sampled every 10 ms during each export (after a full GC before it), so each row shows that export's own peak.");
        sb.AppendLine();
        sb.AppendLine("| format | rows | wall time | rows/s | output | peak managed heap | peak working set |").AppendLine("|---|---|---|---|---|---|---|");
        var exporter = services.GetRequiredService<TakedownExporter>();
        var store = services.GetRequiredService<TakedownStore>();
        await ExportOnceAsync(exporter, store, "csv", Math.Min(2000, rows), dir, ct).ConfigureAwait(false); // warm-up: JIT, pools
        foreach (var format in TakedownFormats.All)
        {
            foreach (var n in new[] { rows / 10, rows / 2, rows })
            {
                var m = await ExportOnceAsync(exporter, store, format, n, dir, ct).ConfigureAwait(false);
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {format} | {m.Rows:N0} | {m.Seconds:0.00} s | {m.Rows / m.Seconds:N0} | {m.Bytes / 1048576.0:0.0} MiB | {m.PeakManaged / 1048576.0:0.0} MiB | {m.PeakWorkingSet / 1048576.0:0} MiB |");
            }
        }

        var t = Stopwatch.StartNew();
        var figures = await store.StatsAsync(DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"`export --stats` figures over {rows:N0} requests: {t.Elapsed.TotalSeconds:0.00} s ({figures.Count} platforms, {figures.Sum(f => f.Overdue.Count):N0} overdue).");
        sb.AppendLine();
        return sb.ToString();
    }

    private sealed record Measured(int Rows, double Seconds, long Bytes, long PeakManaged, long PeakWorkingSet);

    private static async Task<Measured> ExportOnceAsync(TakedownExporter exporter, TakedownStore store, string format, int rows, string dir, CancellationToken ct)
    {
        var path = Path.Combine(dir, "export." + TakedownFormats.Extension(format));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        long peakManaged = GC.GetTotalMemory(false), peakWs = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakWs = Math.Max(peakWs, process.WorkingSet64);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(10, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        int n;
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using (file.ConfigureAwait(false))
        {
            n = await exporter.WriteAsync(file, format, TakeAsync(store.StreamAsync(null, ct), rows, ct), korean: true, ct).ConfigureAwait(false);
        }

        watch.Stop();
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        process.Refresh();
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        return new Measured(n, watch.Elapsed.TotalSeconds, bytes, Math.Max(peakManaged, GC.GetTotalMemory(false)), Math.Max(peakWs, process.WorkingSet64));
    }

    private static async IAsyncEnumerable<T> TakeAsync<T>(IAsyncEnumerable<T> source, int count, [EnumeratorCancellation] CancellationToken ct)
    {
        var taken = 0;
        await foreach (var item in source.WithCancellation(ct).ConfigureAwait(false))
        {
            if (taken++ >= count)
            {
                yield break;
            }

            yield return item;
        }
    }

    /// <summary>Writes <paramref name="rows"/> confirmed lures and their takedown requests with prepared statements in one transaction.</summary>
    public static async Task SeedAsync(Database database, int rows, CancellationToken ct)
    {
        var board = CrawlBench.Board(100);
        var pages = board.Select(p =>
        {
            var raw = Encoding.UTF8.GetBytes(DemoBoard.DetailPage(p));
            var e = new Evidence($"http://bench.test/jobs/view?no={p.No}", DateTimeOffset.UnixEpoch, 200, "text/html; charset=utf-8", "{}", raw);
            return (Post: p, e.Sha256, Gzip: e.Compress(), Length: raw.Length, Handles: ContactHandles.Extract(p.Contact, p.Body, p.Title).ToArray());
        }).ToArray();
        var baseTime = DateTimeOffset.Parse("2026-10-01T00:00:00Z", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            // A 256 MiB page cache so the indexes being filled stay in memory until the one commit.
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var evidence = Prepare(connection, tx, "INSERT INTO evidence (id, url, fetched_at, status_code, content_type, headers, sha256, raw_length, body_gzip) VALUES ($id, $url, $at, 200, 'text/html; charset=utf-8', '{}', $sha, $len, $body)");
        var post = Prepare(connection, tx, "INSERT INTO posts (id, site, site_post_id, url, first_seen, last_seen, current_version_id, versions) VALUES ($id, $site, $pid, $url, $at, $at, $id, 1)");
        var version = Prepare(connection, tx, "INSERT INTO post_versions (id, post_id, version_no, content_hash, title, body, contact, captured_at, evidence_id) VALUES ($id, $id, 1, $sha, $title, $body, $contact, $at, $id)");
        var handle = Prepare(connection, tx, "INSERT INTO post_handles (post_id, handle) VALUES ($id, $handle)");
        var request = Prepare(connection, tx,
            """
            INSERT INTO takedown_requests (id, post_id, platform, url, site_post_id, title, reason_code, state, evidence_sha256, captured_at, score, model_version,
                                           decided_at, created_at, updated_at, idempotency_key, sent_at, deadline_at, outcome_at, verified_at)
            VALUES ($id, $id, $site, $url, $pid, $title, $reason, $state, $sha, $at, $score, 'lure-bench', $decided, $decided, $decided, $key, $sent, $deadline, $outcome, $verified)
            """);
        var evt = Prepare(connection, tx, "INSERT INTO takedown_events (request_id, from_state, to_state, event, actor, at) VALUES ($id, $from, $to, $event, 'bench', $at)");
        string[] reasons = ["employment-fraud", "trafficking", "voice-phishing-recruitment"];
        for (var i = 1; i <= rows; i++)
        {
            var page = pages[i % pages.Length];
            var site = Platforms[i % Platforms.Count];
            var captured = baseTime.AddMinutes(i % 50_000);
            var decided = captured.AddHours(3 + (i % 17));
            var url = $"https://{site}.example/jobs/view?no={1_000_000 + i}";
            var at = Iso.ToText(captured);
            Run(evidence, ("$id", i), ("$url", url), ("$at", at), ("$sha", page.Sha256), ("$len", page.Length), ("$body", page.Gzip));
            Run(post, ("$id", i), ("$site", site), ("$pid", (1_000_000 + i).ToString(CultureInfo.InvariantCulture)), ("$url", url), ("$at", at));
            Run(version, ("$id", i), ("$sha", page.Sha256), ("$title", page.Post.Title), ("$body", page.Post.Body), ("$contact", page.Post.Contact), ("$at", at));
            foreach (var h in page.Handles)
            {
                Run(handle, ("$id", i), ("$handle", h));
            }

            // Life cycle mix: half pending, a quarter sent (some past the 3-day deadline), a quarter removed and verified.
            var (state, sent, outcome, verified) = (i % 4) switch
            {
                0 or 1 => (TakedownState.Pending, (DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null),
                2 => (TakedownState.Sent, decided.AddMinutes(5), null, null),
                _ => (TakedownState.VerifiedRemoved, decided.AddMinutes(5), decided.AddHours(10 + (i % 40)), decided.AddHours(12 + (i % 40))),
            };
            Run(request, ("$id", i), ("$site", site), ("$url", url), ("$pid", (1_000_000 + i).ToString(CultureInfo.InvariantCulture)), ("$title", page.Post.Title),
                ("$reason", reasons[i % reasons.Length]), ("$state", state), ("$sha", page.Sha256), ("$at", at), ("$score", 0.7 + (i % 30) / 100.0),
                ("$decided", Iso.ToText(decided)), ("$key", $"scamwatch-td-bench-{i:D8}"), ("$sent", Text(sent)), ("$deadline", Text(sent?.AddDays(3))),
                ("$outcome", Text(outcome)), ("$verified", Text(verified)));
            Run(evt, ("$id", i), ("$from", null), ("$to", TakedownState.Pending), ("$event", "created"), ("$at", Iso.ToText(decided)));
            if (sent is { } s)
            {
                Run(evt, ("$id", i), ("$from", TakedownState.Pending), ("$to", TakedownState.Sent), ("$event", "sent"), ("$at", Iso.ToText(s)));
            }

            if (outcome is { } o)
            {
                Run(evt, ("$id", i), ("$from", TakedownState.Sent), ("$to", TakedownState.Removed), ("$event", "removed"), ("$at", Iso.ToText(o)));
                Run(evt, ("$id", i), ("$from", TakedownState.Removed), ("$to", TakedownState.VerifiedRemoved), ("$event", "verified-gone"), ("$at", Iso.ToText(verified!.Value)));
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        foreach (var c in new[] { evidence, post, version, handle, request, evt })
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Text(DateTimeOffset? t) => t is { } v ? Iso.ToText(v) : null;

    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static void Run(DbCommand command, params (string Name, object? Value)[] values)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var (name, _) in values)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
            }

            command.Prepare();
        }

        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
