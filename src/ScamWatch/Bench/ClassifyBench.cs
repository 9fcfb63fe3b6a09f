using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Training;

namespace ScamWatch.Bench;

/// <summary>Classifier benchmarks: gold-file quality beside a keyword baseline (overall and per subset), throughput, latency.</summary>
public static class ClassifyBench
{
    public static string Quality(LureModel model, IReadOnlyList<PostRecord> gold)
    {
        var (metrics, scored) = new ModelEvaluator().Evaluate(model, gold);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Gold file: {metrics.N} posts, {metrics.Positives} lures; model {model.Version} at threshold {metrics.Threshold:0.###}.");
        sb.AppendLine();
        sb.AppendLine("| subset | n | lures | model precision | model recall | model FP rate | keyword precision | keyword recall | keyword FP rate |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var keyword = gold.Select(KeywordBaseline.Flags).ToArray();
        var rows = new List<(string Name, int[] Index)> { ("all", [.. Enumerable.Range(0, gold.Count)]) };
        rows.AddRange(gold.Select((g, i) => (g.Group ?? "(none)", i)).GroupBy(x => x.Item1.Split('/')[0] == "hard" ? "hard negatives (all)" : null)
            .Where(g => g.Key is not null).Select(g => (g.Key!, g.Select(x => x.i).ToArray())));
        rows.AddRange(gold.Select((g, i) => (g.Group ?? "(none)", i)).GroupBy(x => x.Item1).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.i).ToArray())));
        foreach (var (name, index) in rows)
        {
            var m = Counts(index, i => scored[i].IsLure, i => scored[i].Flagged);
            var k = Counts(index, i => scored[i].IsLure, i => keyword[i]);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {index.Length} | {m.Positives} | {m.Precision} | {m.Recall} | {m.FpRate} | {k.Precision} | {k.Recall} | {k.FpRate} |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Model ROC AUC {metrics.RocAuc:0.###}, PR AUC {metrics.PrAuc:0.###}, F1 {metrics.F1:0.###}.");
        return sb.ToString();
    }

    private static (int Positives, string Precision, string Recall, string FpRate) Counts(int[] index, Func<int, bool> truth, Func<int, bool> flagged)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var i in index)
        {
            switch ((truth(i), flagged(i)))
            {
                case (true, true): tp++; break;
                case (true, false): fn++; break;
                case (false, true): fp++; break;
                default: tn++; break;
            }
        }

        static string R(int a, int b) => b == 0 ? "–" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);
        return (tp + fn, R(tp, tp + fp), R(tp, tp + fn), R(fp, fp + tn));
    }

    public static string Speed(LureModel model, IReadOnlyList<PostRecord> posts, int repeat)
    {
        var texts = posts.Select(PostText.From).ToArray();
        for (var i = 0; i < Math.Min(200, texts.Length); i++)
        {
            model.Classify(texts[i]);
        }

        // Batch on one core: one thread, normalisation and rules included (PostText built per post as in `classify`).
        var watch = Stopwatch.StartNew();
        var n = 0;
        for (var r = 0; r < repeat; r++)
        {
            foreach (var p in posts)
            {
                model.Classify(PostText.From(p));
                n++;
            }
        }

        watch.Stop();
        var throughput = n / watch.Elapsed.TotalSeconds;

        var latencies = new double[Math.Min(2000, posts.Count * repeat)];
        for (var i = 0; i < latencies.Length; i++)
        {
            var t = Stopwatch.GetTimestamp();
            model.Classify(PostText.From(posts[i % posts.Count]));
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Array.Sort(latencies);
        // Where the time goes: normalisation alone, then normalisation + rules.
        var t0 = Stopwatch.GetTimestamp();
        foreach (var p in posts)
        {
            _ = PostText.From(p);
        }

        var normaliseRate = posts.Count / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        t0 = Stopwatch.GetTimestamp();
        foreach (var p in posts)
        {
            _ = RedFlagRules.Evaluate(PostText.From(p));
        }

        var rulesRate = posts.Count / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var p50 = latencies[latencies.Length / 2];
        var p99 = latencies[(int)(latencies.Length * 0.99)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| classify, one thread, {n:N0} posts | {watch.Elapsed.TotalSeconds:0.00} s | {throughput:0} posts/s (normalisation alone {normaliseRate:0}/s, with rules {rulesRate:0}/s); single-post latency p50 {p50:0.00} ms, p99 {p99:0.00} ms | {BenchMachine.PeakMiB():0} MiB |");
    }
}
