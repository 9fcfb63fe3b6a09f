using System.Globalization;

namespace ScamWatch.Bench;

/// <summary>Wall-clock latencies of one kind of request, summarised as a Markdown table row (nearest-rank percentiles).</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> _ms = [];

    public string Name => name;

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public double Percentile(double q)
    {
        if (_ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Row(double targetP95Ms) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Count} | {Percentile(0.50):0.0} | {Percentile(0.95):0.0} | {Percentile(0.99):0.0} | {Percentile(1):0.0} | {(Percentile(0.95) <= targetP95Ms ? "yes" : "**no**")} |");
}
