using ScamWatch.Training;

namespace ScamWatch.Tests.Training;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Compute_KnownScores_MatchesHandCount()
    {
        bool[] labels = [true, true, false, true, false, false];
        double[] scores = [0.9, 0.8, 0.7, 0.4, 0.3, 0.1];
        var m = BinaryMetrics.Compute(labels, scores, 0.5);
        Assert.Equal((2, 1, 2, 1), (m.Tp, m.Fp, m.Tn, m.Fn));
        Assert.Equal(0.6667, m.Precision);
        Assert.Equal(0.6667, m.Recall);
        // 9 lure/legit pairs, 8 ordered correctly.
        Assert.Equal(0.8889, m.RocAuc);
        // AP = (1 + 1 + 3/4) / 3
        Assert.Equal(0.9167, m.PrAuc);
    }

    [Fact]
    public void ComputeRocAuc_Ties_CountHalf()
    {
        Assert.Equal(0.5, BinaryMetrics.ComputeRocAuc([true, false], [0.5, 0.5]));
    }

    [Fact]
    public void ThresholdSelector_PicksMostRecallWhoseLowerBoundMeetsTarget()
    {
        // 200 lures scored 0.6..0.99, 200 legit 0.0..0.59, plus 4 legit high: precision near the top is below 1.
        var labels = Enumerable.Range(0, 200).Select(_ => true).Concat(Enumerable.Range(0, 204).Select(_ => false)).ToArray();
        var scores = Enumerable.Range(0, 200).Select(i => 0.6 + i * 0.0019).Concat(Enumerable.Range(0, 200).Select(i => i * 0.0029)).Concat([0.95, 0.9, 0.8, 0.7]).ToArray();
        var choice = ThresholdSelector.Select(labels, scores, 0.95);
        Assert.True(choice.MetTarget);
        Assert.True(ThresholdSelector.WilsonLower(choice.Precision, 0) == 0);
        Assert.True(BinaryMetrics.Compute(labels, scores, choice.Threshold).Precision >= 0.95);
        Assert.Contains("lower bound", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdSelector_FewPositives_UsesBestF1AndSaysWhy()
    {
        var choice = ThresholdSelector.Select([true, true, false, false], [0.9, 0.6, 0.5, 0.1], 0.95, minPositives: 100);
        Assert.False(choice.MetTarget);
        Assert.Contains("only 2 positive examples", choice.Reason, StringComparison.Ordinal);
        Assert.Equal(0.6, choice.Threshold);
    }

    [Theory]
    [InlineData(1.0, 100, 0.9735)]
    [InlineData(0.95, 1000, 0.9374)]
    [InlineData(0.5, 10, 0.2693)]
    public void WilsonLower_KnownValues(double p, int n, double expected)
    {
        Assert.Equal(expected, ThresholdSelector.WilsonLower(p, n), 3);
    }

    [Fact]
    public void PlattFitter_SeparatedMargins_GivesIncreasingSaneCalibration()
    {
        var margins = Enumerable.Range(-50, 101).Select(i => i / 10.0).ToArray();
        var labels = margins.Select((m, i) => m > 0 ^ i % 7 == 0).ToArray();
        var c = PlattFitter.Fit(margins, labels);
        Assert.True(PlattFitter.IsSane(c));
        Assert.True(c.Apply(3) > 0.8 && c.Apply(-3) < 0.2);
    }
}
