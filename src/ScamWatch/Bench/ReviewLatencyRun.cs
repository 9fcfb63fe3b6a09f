using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Review;
using ScamWatch.Storage;

namespace ScamWatch.Bench;

/// <summary>
/// The review benchmark's timed requests, one kind after another, each over its own sample of items. Every response
/// is read in full and its status checked; the first <c>warmUp</c> requests of each kind are not counted.
/// </summary>
public sealed class ReviewLatencyRun(IServiceProvider services, HttpClient ui, HttpClient api, int requests, int warmUp)
{
    private readonly Random _rng = new(42);
    private readonly Database _database = services.GetRequiredService<Database>();

    public async Task<IReadOnlyList<Latencies>> MeasureAsync(CancellationToken ct)
    {
        var today = services.GetRequiredService<TimeProvider>().GetUtcNow();
        string Day(int daysAgo) => (today - TimeSpan.FromDays(daysAgo)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sites = await QueryAsync<string>("SELECT DISTINCT site FROM posts ORDER BY site", ct).ConfigureAwait(false);
        var open = (int)(await QueryAsync<long>("SELECT COUNT(*) FROM review_items WHERE status = 'open'", ct).ConfigureAwait(false))[0];
        string Filtered(int i) => (i % 3) switch
        {
            0 => $"/queue?status=open&order=risk&site={sites[i % sites.Count]}&minScore=0.8",
            1 => $"/queue?status=open&order=uncertain&since={Day(30)}&until={Day(0)}",
            _ => $"/queue?status=open&order=risk&site={sites[i % sites.Count]}&minScore=0.5&maxScore=0.9&since={Day(60)}",
        };

        var results = new List<Latencies>
        {
            await GetsAsync(ui, "UI queue page, risk order", _ => "/queue?status=open&order=risk", ct).ConfigureAwait(false),
            await GetsAsync(ui, "UI queue page, uncertain order", _ => "/queue?status=open&order=uncertain", ct).ConfigureAwait(false),
            await GetsAsync(ui, "UI queue page, filtered (site, score band, days)", Filtered, ct).ConfigureAwait(false),
        };
        var openItems = await SampleAsync("'open'", ct).ConfigureAwait(false);
        results.Add(await GetsAsync(ui, "UI item page, random open item", i => $"/items/{openItems[i % openItems.Count]}", ct).ConfigureAwait(false));
        var decided = await SampleAsync("'confirmed', 'rejected'", ct).ConfigureAwait(false);
        results.Add(await GetsAsync(ui, "UI item page, decided item", i => $"/items/{decided[i % decided.Count]}", ct).ConfigureAwait(false));
        results.AddRange(await DecisionsAsync(ct).ConfigureAwait(false));
        results.Add(await GetsAsync(api, "API queue, risk order", _ => "/api/v1/queue?status=open&order=risk", ct).ConfigureAwait(false));
        results.Add(await GetsAsync(api, "API queue, uncertain order", _ => "/api/v1/queue?status=open&order=uncertain", ct).ConfigureAwait(false));
        results.Add(await GetsAsync(api, $"API queue, deep page (random offset < {open:N0})",
            _ => $"/api/v1/queue?status=open&order=risk&limit=50&offset={_rng.Next(Math.Max(1, open - 50))}", ct).ConfigureAwait(false));
        var apiItems = await SampleAsync("'open'", ct).ConfigureAwait(false);
        results.Add(await GetsAsync(api, "API item, random open item", i => $"/api/v1/items/{apiItems[i % apiItems.Count]}", ct).ConfigureAwait(false));
        results.Add(await ApiDecisionsAsync(ct).ConfigureAwait(false));
        return results;
    }

    private async Task<Latencies> GetsAsync(HttpClient client, string name, Func<int, string> path, CancellationToken ct)
    {
        var latencies = new Latencies(name);
        for (var i = 0; i < warmUp + requests; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await GetAsync(client, path(i), ct).ConfigureAwait(false);
            if (i >= warmUp)
            {
                latencies.Add(Stopwatch.GetElapsedTime(t));
            }
        }

        return latencies;
    }

    /// <summary>A reviewer working down the queue: post the open item's form, then load the item the app redirects to.</summary>
    private async Task<IReadOnlyList<Latencies>> DecisionsAsync(CancellationToken ct)
    {
        var posts = new Latencies("UI decision, POST form (→ 302)");
        var trips = new Latencies("UI decision round trip, POST + next item page");
        var top = await services.GetRequiredService<ReviewQueue>().ListAsync(new QueueQuery { Limit = 1 }, ct).ConfigureAwait(false);
        var id = top[0].Id;
        var html = await GetAsync(ui, $"/items/{id}", ct).ConfigureAwait(false);
        for (var i = 0; i < warmUp + requests; i++)
        {
            if (!html.Contains("id=\"form-confirm\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"item {id} offers no decision form (claimed by someone else?)");
            }

            var decision = (i % 10) switch { < 4 => "confirm", < 9 => "reject", _ => "escalate" };
            var fields = new Dictionary<string, string> { ["decision"] = decision, ["note"] = "bench", ["__RequestVerificationToken"] = ReviewBench.Token(html) };
            if (decision == "confirm")
            {
                fields["reasonCode"] = "employment-fraud";
            }

            var t = Stopwatch.GetTimestamp();
            using var form = new FormUrlEncodedContent(fields);
            using var response = await ui.PostAsync(new Uri($"/items/{id}?handler=Decide", UriKind.Relative), form, ct).ConfigureAwait(false);
            await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var posted = Stopwatch.GetElapsedTime(t);
            var next = response.Headers.Location?.OriginalString;
            if (response.StatusCode != HttpStatusCode.Redirect || next is null || next == $"/items/{id}")
            {
                throw new InvalidOperationException($"decision on item {id} not accepted: {(int)response.StatusCode} → {next}");
            }

            if (!next.StartsWith("/items/", StringComparison.Ordinal))
            {
                break; // the queue is empty
            }

            html = await GetAsync(ui, next, ct).ConfigureAwait(false);
            if (i >= warmUp)
            {
                posts.Add(posted);
                trips.Add(Stopwatch.GetElapsedTime(t));
            }

            id = long.Parse(next["/items/".Length..], CultureInfo.InvariantCulture);
        }

        return [posts, trips];
    }

    private async Task<Latencies> ApiDecisionsAsync(CancellationToken ct)
    {
        var latencies = new Latencies("API decision, POST");
        var items = await SampleAsync("'open'", ct).ConfigureAwait(false);
        for (var i = 0; i < Math.Min(items.Count, warmUp + requests); i++)
        {
            var body = new { decision = (i % 10) switch { < 4 => "confirm", < 9 => "reject", _ => "escalate" }, reason_code = "employment-fraud", note = "bench" };
            var t = Stopwatch.GetTimestamp();
            using var response = await api.PostAsJsonAsync(new Uri($"/api/v1/items/{items[i]}/decision", UriKind.Relative), body, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(t);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"API decision on item {items[i]}: {(int)response.StatusCode} {text}");
            }

            if (i >= warmUp)
            {
                latencies.Add(elapsed);
            }
        }

        return latencies;
    }

    private static async Task<string> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
    }

    /// <summary>Distinct queue items in the given statuses, in a seeded random order, enough for one kind of request.</summary>
    private async Task<IReadOnlyList<long>> SampleAsync(string statuses, CancellationToken ct)
    {
        var ids = (await QueryAsync<long>($"SELECT id FROM review_items WHERE status IN ({statuses}) ORDER BY id", ct).ConfigureAwait(false)).ToArray();
        if (ids.Length == 0)
        {
            throw new InvalidOperationException($"no queue items in status {statuses}: seed more posts");
        }

        _rng.Shuffle(ids);
        return ids[..Math.Min(ids.Length, warmUp + requests)];
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<T>(sql).ConfigureAwait(false)).AsList();
    }
}
