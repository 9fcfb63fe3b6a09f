using ScamWatch.Classification;

namespace ScamWatch.Training;

/// <summary>Fits Platt scaling (Platt 1999, with Lin et al.'s target smoothing) by Newton's method.</summary>
public static class PlattFitter
{
    /// <summary>A fit is usable when it is finite, increasing and not absurdly steep (a sign of separable or degenerate margins).</summary>
    public static bool IsSane(PlattCalibration c) => double.IsFinite(c.A) && double.IsFinite(c.B) && c.A > 0 && c.A < 50 && Math.Abs(c.B) < 50;

    public static PlattCalibration Fit(IReadOnlyList<double> margins, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (var iter = 0; iter < 100; iter++)
        {
            double g1 = 0, g2 = 0, h11 = 1e-9, h22 = 1e-9, h21 = 0;
            for (var i = 0; i < margins.Count; i++)
            {
                var t = labels[i] ? hi : lo;
                var p = 1.0 / (1.0 + Math.Exp(-(a * margins[i] + b)));
                var d = p - t;
                var w = p * (1 - p);
                g1 += d * margins[i];
                g2 += d;
                h11 += w * margins[i] * margins[i];
                h22 += w;
                h21 += w * margins[i];
            }

            var det = h11 * h22 - h21 * h21;
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            var da = (h22 * g1 - h21 * g2) / det;
            var db = (h11 * g2 - h21 * g1) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) < 1e-9 && Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return new PlattCalibration { A = Math.Round(a, 6), B = Math.Round(b, 6) };
    }
}
