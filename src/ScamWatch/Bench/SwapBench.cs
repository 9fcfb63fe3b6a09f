using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;
using ScamWatch.Demo;

namespace ScamWatch.Bench;

/// <summary>
/// <c>bench swap</c>: time from writing <c>promoted.json</c> to the first verdict scored by the new version, while
/// classification runs on every core. Two versions alternate: the promoted model and a copy of it under another
/// version name (the same size, so the load is what a real promotion costs).
/// </summary>
public static class SwapBench
{
    public static async Task<string> RunAsync(IServiceProvider services, string modelsDir, int rounds, CancellationToken ct)
    {
        var store = services.GetRequiredService<ModelStore>();
        var classifier = services.GetRequiredService<Classifier>();
        var a = classifier.Current.Version;
        const string b = "bench-swap-b";
        File.Copy(store.PathFor(a), Path.Combine(modelsDir, b + ".zip"), overwrite: true);
        (ModelCard.Load(ModelCard.CardPathFor(store.PathFor(a))) with { Version = b }).Save(Path.Combine(modelsDir, b + ".json"));

        var texts = DemoBoard.LoadEmbedded().Select(p => PostText.From(p.Title, p.Body, p.Company, p.Region, p.Pay, p.EmploymentType, p.Contact)).ToArray();
        var debounce = services.GetRequiredService<IOptions<ClassifierOptions>>().Value.ReloadDebounce;
        var watcher = ActivatorUtilities.CreateInstance<PromotedModelWatcher>(services);
        await watcher.StartAsync(ct).ConfigureAwait(false);

        var watched = new Latencies("file watcher: write → first verdict");
        var explicitReload = new Latencies("explicit ReloadPromotedAsync: write → first verdict");
        var load = new Latencies("model load alone (inside either)");
        long verdicts = 0, mixed = 0;
        TaskCompletionSource<long>? waiting = null;
        string? wanted = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(w => Task.Run(() =>
        {
            for (var i = w; !stop.IsCancellationRequested; i++)
            {
                var model = classifier.Current;
                var verdict = model.Classify(texts[i % texts.Length]);
                Interlocked.Increment(ref verdicts);
                if (verdict.Model != model.Version)
                {
                    Interlocked.Increment(ref mixed);
                }

                if (verdict.Model == Volatile.Read(ref wanted))
                {
                    Volatile.Read(ref waiting)?.TrySetResult(Stopwatch.GetTimestamp());
                }
            }
        }, CancellationToken.None)).ToArray();

        try
        {
            // Round 0 is a warm-up, not measured: on Linux a just-started watcher can miss the first event (seen here:
            // the first promotion after start was noticed only by the periodic check).
            for (var round = -1; round < rounds * 2; round++)
            {
                var next = classifier.Current.Version == a ? b : a;
                var viaWatcher = round % 2 == 0 || round < 0;
                var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref waiting, tcs);
                Volatile.Write(ref wanted, next);
                var start = Stopwatch.GetTimestamp();
                store.Promote(next, DateTimeOffset.UnixEpoch);
                if (!viaWatcher)
                {
                    await classifier.ReloadPromotedAsync(ct).ConfigureAwait(false);
                }

                var first = await tcs.Task.WaitAsync(TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
                if (round < 0)
                {
                    continue;
                }

                (viaWatcher ? watched : explicitReload).Add(Stopwatch.GetElapsedTime(start, first));
                var loadWatch = Stopwatch.StartNew();
                _ = LureModel.Load(store.PathFor(next));
                load.Add(loadWatch.Elapsed);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
            await watcher.StopAsync(CancellationToken.None).ConfigureAwait(false);
            watcher.Dispose();
        }

        var sb = new StringBuilder();
        sb.AppendLine("## Model hot swap").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{rounds} promotions each way ({a} ⇄ {b}, {new FileInfo(store.PathFor(a)).Length / 1024.0:0} KiB zip), {workers.Length} tasks classifying throughout; watcher debounce {debounce.TotalMilliseconds:0} ms. {verdicts:N0} verdicts, {mixed} scored by a version other than the one taken.");
        sb.AppendLine();
        sb.AppendLine("| path | n | p50 ms | p95 ms | p99 ms | max ms |").AppendLine("|---|---|---|---|---|---|");
        foreach (var l in new[] { watched, explicitReload, load })
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {l.Name} | {l.Count} | {l.Percentile(0.5):0.0} | {l.Percentile(0.95):0.0} | {l.Percentile(0.99):0.0} | {l.Percentile(1):0.0} |"));
        }

        sb.AppendLine();
        return sb.ToString();
    }
}
