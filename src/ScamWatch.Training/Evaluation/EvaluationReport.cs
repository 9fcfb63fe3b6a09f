using System.Globalization;
using System.Net;
using System.Text;

namespace ScamWatch.Training;

/// <summary>
/// The human report of <c>evaluate --report DIR</c>: one self-contained HTML file (inline SVG, no scripts, no remote
/// loads) with PR curve, score histogram, confusion matrix and per-group and per-site breakdowns.
/// </summary>
public static class EvaluationReport
{
    public static string Write(string directory, string modelVersion, BinaryMetrics metrics, IReadOnlyList<ScoredRecord> scored)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "report.html");
        File.WriteAllText(path, Render(modelVersion, metrics, scored), new UTF8Encoding(false));
        return path;
    }

    public static string Render(string modelVersion, BinaryMetrics m, IReadOnlyList<ScoredRecord> scored)
    {
        var labels = scored.Select(s => s.IsLure).ToArray();
        var scores = scored.Select(s => s.Score).ToArray();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>ScamWatch evaluation ")
            .Append(E(modelVersion)).Append("</title><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<style>body{font-family:'NanumGothic','Noto Sans KR',sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td.l{text-align:left}h2{margin-top:1.5em}</style></head><body>");
        sb.Append("<h1>ScamWatch model evaluation</h1><p>Model <b>").Append(E(modelVersion)).Append("</b> on ").Append(m.N)
            .Append(" labelled posts (").Append(m.Positives).Append(" lures). Threshold ").Append(F(m.Threshold)).Append(".</p>");
        sb.Append("<table><tr><th>precision</th><th>recall</th><th>F1</th><th>ROC AUC</th><th>PR AUC</th></tr><tr><td>")
            .Append(F(m.Precision)).Append("</td><td>").Append(F(m.Recall)).Append("</td><td>").Append(F(m.F1)).Append("</td><td>")
            .Append(F(m.RocAuc)).Append("</td><td>").Append(F(m.PrAuc)).Append("</td></tr></table>");

        sb.Append("<h2>Confusion matrix</h2><table><tr><th></th><th>flagged</th><th>not flagged</th></tr>")
            .Append("<tr><th>lure</th><td>").Append(m.Tp).Append(" (TP)</td><td>").Append(m.Fn).Append(" (FN)</td></tr>")
            .Append("<tr><th>legit</th><td>").Append(m.Fp).Append(" (FP)</td><td>").Append(m.Tn).Append(" (TN)</td></tr></table>");

        sb.Append("<h2>Precision–recall curve</h2>").Append(PrCurveSvg(labels, scores, m.Threshold));
        sb.Append("<h2>Score histogram</h2>").Append(HistogramSvg(scored, m.Threshold));

        Breakdown(sb, "By group", scored, s => s.Group ?? "(none)", m.Threshold);
        Breakdown(sb, "By site style", scored, s => s.Site ?? "(none)", m.Threshold);

        sb.Append("<h2>Errors</h2><table><tr><th>id</th><th>label</th><th>score</th><th>group</th><th class=\"l\">title</th></tr>");
        foreach (var s in scored.Where(s => s.IsLure != s.Flagged).OrderByDescending(s => Math.Abs(s.Score - m.Threshold)).Take(200))
        {
            sb.Append("<tr><td class=\"l\">").Append(E(s.Id)).Append("</td><td>").Append(s.IsLure ? "lure (FN)" : "legit (FP)").Append("</td><td>")
                .Append(F(s.Score)).Append("</td><td class=\"l\">").Append(E(s.Group ?? "")).Append("</td><td class=\"l\">").Append(E(s.Title ?? "")).Append("</td></tr>");
        }

        sb.Append("</table></body></html>");
        return sb.ToString();
    }

    private static void Breakdown(StringBuilder sb, string heading, IReadOnlyList<ScoredRecord> scored, Func<ScoredRecord, string> key, double threshold)
    {
        var groups = scored.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (groups.Length <= 1)
        {
            return;
        }

        sb.Append("<h2>").Append(E(heading)).Append("</h2><table><tr><th class=\"l\">group</th><th>n</th><th>lures</th><th>flagged</th><th>precision</th><th>recall</th><th>false-positive rate</th><th>accuracy</th></tr>");
        foreach (var g in groups)
        {
            var gm = BinaryMetrics.Compute(g.Select(s => s.IsLure).ToArray(), g.Select(s => s.Score).ToArray(), threshold);
            var negatives = gm.Fp + gm.Tn;
            sb.Append("<tr><td class=\"l\">").Append(E(g.Key)).Append("</td><td>").Append(gm.N).Append("</td><td>").Append(gm.Positives)
                .Append("</td><td>").Append(gm.Tp + gm.Fp).Append("</td><td>").Append(gm.Tp + gm.Fp == 0 ? "–" : F(gm.Precision))
                .Append("</td><td>").Append(gm.Positives == 0 ? "–" : F(gm.Recall))
                .Append("</td><td>").Append(negatives == 0 ? "–" : F((double)gm.Fp / negatives))
                .Append("</td><td>").Append(F((double)(gm.Tp + gm.Tn) / gm.N)).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static string PrCurveSvg(bool[] labels, double[] scores, double threshold)
    {
        const int w = 420, h = 320, pad = 40;
        var curve = BinaryMetrics.PrCurve(labels, scores);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"precision-recall curve\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"10\" width=\"{w - pad - 10}\" height=\"{h - pad - 10}\" fill=\"none\" stroke=\"#999\"/>");
        var points = string.Join(' ', curve.Select(p => $"{X(p.Recall)},{Y(p.Precision)}"));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"{points}\"/>");
        var at = curve.Where(p => p.Threshold >= threshold).DefaultIfEmpty((0, 1, 1)).Last();
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(at.Recall)}\" cy=\"{Y(at.Precision)}\" r=\"5\" fill=\"#2c3e50\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w / 2}\" y=\"{h - 5}\" font-size=\"12\" text-anchor=\"middle\">recall</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{h / 2}\" font-size=\"12\" transform=\"rotate(-90 12 {h / 2})\" text-anchor=\"middle\">precision</text>");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(tick)}\" y=\"{h - pad + 15}\" font-size=\"10\" text-anchor=\"middle\">{tick:0.0}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad - 5}\" y=\"{10 + (1 - tick) * (h - pad - 10) + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{tick:0.0}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();

        string X(double r) => (pad + r * (w - pad - 10)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double p) => (10 + (1 - p) * (h - pad - 10)).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string HistogramSvg(IReadOnlyList<ScoredRecord> scored, double threshold)
    {
        const int bins = 20, w = 420, h = 220, pad = 30;
        var lure = new int[bins];
        var legit = new int[bins];
        foreach (var s in scored)
        {
            var b = Math.Clamp((int)(s.Score * bins), 0, bins - 1);
            (s.IsLure ? lure : legit)[b]++;
        }

        var max = Math.Max(1, Math.Max(lure.Max(), legit.Max()));
        var bw = (w - pad - 10) / (double)bins;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"score histogram\">");
        for (var i = 0; i < bins; i++)
        {
            Bar(i, legit[i], "#2980b9", 0);
            Bar(i, lure[i], "#c0392b", bw / 2);
        }

        var tx = pad + threshold * (w - pad - 10);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{tx:0.#}\" y1=\"5\" x2=\"{tx:0.#}\" y2=\"{h - pad}\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad}\" y=\"{h - 8}\" font-size=\"11\">blue: legit, red: lure, dashed: threshold; x = score 0..1</text></svg>");
        return sb.ToString();

        void Bar(int i, int n, string color, double offset)
        {
            var bh = n * (h - pad - 10) / (double)max;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad + i * bw + offset:0.#}\" y=\"{h - pad - bh:0.#}\" width=\"{bw / 2 - 1:0.#}\" height=\"{bh:0.#}\" fill=\"{color}\"><title>{n}</title></rect>");
        }
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);
}
