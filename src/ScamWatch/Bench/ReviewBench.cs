using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Classification;
using ScamWatch.Hosting;
using ScamWatch.Review;
using ScamWatch.Storage;

namespace ScamWatch.Bench;

/// <summary>
/// Review latency at scale: seeds a SQLite file with N posts (when it has none), starts the real web host on loopback,
/// signs in as a reviewer (cookie for the UI, API key for the API) and times, one request at a time, the queue pages,
/// item pages, decisions and their API equivalents, from sending the request to having read the whole response.
/// </summary>
public static partial class ReviewBench
{
    public const double TargetP95Ms = 50;
    private const string Reviewer = "bench-reviewer";
    private const int WarmUp = 30;

    public static async Task<string> RunAsync(IConfiguration configuration, string dbPath, int posts, int requests, CancellationToken ct)
    {
        await using var app = WebHost.Build(configuration, "http://127.0.0.1:0", [], crawlAtStart: false, verbose: false);
        await WebHost.PrepareAsync(app, ct).ConfigureAwait(false);
        var services = app.Services;
        var sb = new StringBuilder();
        sb.AppendLine("# ScamWatch review benchmark").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {BenchMachine.Describe()}.").AppendLine();
        sb.AppendLine(await SeedAsync(services, dbPath, posts, ct).ConfigureAwait(false)).AppendLine();

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await services.GetRequiredService<UserStore>().UpsertAsync(Reviewer, password, Roles.Reviewer, null, ct).ConfigureAwait(false);
        var key = await services.GetRequiredService<ApiKeys>().CreateAsync(Reviewer, "bench review", ct).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
        try
        {
            var loadBefore = BenchMachine.LoadAverage();
            var url = app.Urls.First();
            using var ui = await SignInAsync(url, password, ct).ConfigureAwait(false);
            using var api = new HttpClient { BaseAddress = new Uri(url) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var results = await new ReviewLatencyRun(services, ui, api, requests, WarmUp).MeasureAsync(ct).ConfigureAwait(false);

            sb.AppendLine(
                $"Requests: one at a time from one reviewer (`{Reviewer}`: login cookie for the UI, API key for `/api/v1`) to Kestrel on 127.0.0.1 in the same process, after {WarmUp} warm-up requests of each kind; " +
                "time from sending the request to having read the whole response (HttpClient, Stopwatch). Item pages are distinct random open items (opening one claims it); " +
                "the decision round trip posts the item page's form (confirm 40 %, reject 50 %, escalate 10 %) and loads the item it redirects to, as a reviewer working down the queue does.");
            sb.AppendLine();
            sb.AppendLine("| request | n | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ 50 ms |").AppendLine("|---|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                sb.AppendLine(r.Row(TargetP95Ms));
            }

            var missed = results.Where(r => r.Percentile(0.95) > TargetP95Ms).Select(r => r.Name).ToList();
            sb.AppendLine().AppendLine(missed.Count == 0
                ? $"Target p95 ≤ {TargetP95Ms:0} ms: met by every request kind."
                : $"Target p95 ≤ {TargetP95Ms:0} ms: **missed** by {string.Join(", ", missed)}.");
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Load average (1 / 5 / 15 min) before the requests {loadBefore}, after {BenchMachine.LoadAverage()}. Peak memory (benchmark and server in one process): {BenchMachine.PeakMiB():0} MiB.");
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return sb.ToString();
    }

    /// <summary>Seeds an empty database; reuses one this benchmark seeded before; refuses any other (it records decisions).</summary>
    private static async Task<string> SeedAsync(IServiceProvider services, string dbPath, int posts, CancellationToken ct)
    {
        var database = services.GetRequiredService<Database>();
        string how;
        await using (var connection = await database.OpenAsync(ct).ConfigureAwait(false))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posts").ConfigureAwait(false) > 0)
            {
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posts WHERE site NOT LIKE 'bench-%'").ConfigureAwait(false) > 0)
                {
                    throw new UsageException("--db holds posts that bench review did not seed; it records decisions, so it runs only on an empty database or one it seeded");
                }

                how = "Seeding: none, the database was seeded by an earlier run.";
            }
            else
            {
                var watch = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var model = services.GetRequiredService<Classifier>().Current;
                var templates = await ReviewSeedGenerator.LoadTemplatesAsync(Path.Combine("training-data", "corpus"), ct).ConfigureAwait(false);
                var loaded = watch.Elapsed;
                var generator = new ReviewSeedGenerator(templates, model, posts, services.GetRequiredService<TimeProvider>().GetUtcNow());
                await new ReviewSeeder(database).SeedAsync(generator, posts, ct).ConfigureAwait(false);
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)").ConfigureAwait(false);
                how = string.Create(CultureInfo.InvariantCulture,
                    $"Seeded in {watch.Elapsed.TotalSeconds:0.0} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s of CPU time (model and {templates.Count:N0} Korean templates loaded in {loaded.TotalSeconds:0.0} s; templates scored once by model {model.Version}, variants derived from them on all cores while the previous batch is inserted, all in one transaction, then the WAL checkpointed).");
            }

            var d = await connection.QuerySingleAsync<(long Posts, long Versions, long Classifications, long Edited, long Sites, long Decisions, long Takedowns, long Handles, long Shared, long Duplicates, long Evidence)>(
                """
                SELECT (SELECT COUNT(*) FROM posts), (SELECT COUNT(*) FROM post_versions), (SELECT COUNT(*) FROM classifications), (SELECT COUNT(*) FROM posts WHERE versions > 1),
                       (SELECT COUNT(DISTINCT site) FROM posts), (SELECT COUNT(*) FROM decisions), (SELECT COUNT(*) FROM takedown_requests),
                       (SELECT COUNT(*) FROM post_handles), (SELECT COUNT(*) FROM (SELECT handle FROM post_handles GROUP BY handle HAVING COUNT(*) > 1) s),
                       (SELECT COUNT(*) FROM posts WHERE duplicate_of_post_id IS NOT NULL), (SELECT SUM(LENGTH(body_gzip)) FROM evidence)
                """).ConfigureAwait(false);
            var lengths = (await connection.QueryAsync<long>("SELECT LENGTH(body) FROM post_versions ORDER BY 1").ConfigureAwait(false)).AsList();
            var counts = await services.GetRequiredService<ReviewQueue>().CountsAsync(ct).ConfigureAwait(false);
            how += string.Create(CultureInfo.InvariantCulture,
                $" Data: {d.Posts:N0} posts on {d.Sites} sites with {d.Versions:N0} versions ({d.Edited:N0} posts edited once or twice); body length {lengths[0]:N0}–{lengths[^1]:N0} characters (median {lengths[lengths.Count / 2]:N0}); " +
                $"{d.Classifications:N0} classifications; {counts.Values.Sum():N0} queue items ({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value:N0} {c.Key}"))}); " +
                $"{d.Decisions:N0} decisions, {d.Takedowns:N0} takedown requests; {d.Handles:N0} contact handles ({d.Shared:N0} shared by several posts), {d.Duplicates:N0} posts linked as near-duplicates; " +
                $"evidence {d.Evidence / 1048576.0:0} MiB gzipped. Database file {new FileInfo(dbPath).Length / 1048576.0:0} MiB (SQLite, WAL).");
        }

        return how;
    }

    private static async Task<HttpClient> SignInAsync(string url, string password, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative), ct).ConfigureAwait(false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = Reviewer,
            ["password"] = password,
            ["__RequestVerificationToken"] = Token(login),
        });
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form, ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"bench login failed: {(int)response.StatusCode}");
        }

        return client;
    }

    internal static string Token(string html) => TokenRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
