using ScamWatch.Review;

namespace ScamWatch.Tests.Review;

public sealed class RescoreEffectTests
{
    [Theory]
    [InlineData(0.9, 0.5, 0.8, 0.5, RescoreEffect.StillAbove)]
    [InlineData(0.9, 0.5, 0.4, 0.5, RescoreEffect.NowBelow)]
    [InlineData(0.6, 0.5, 0.6, 0.7, RescoreEffect.NowBelow)]
    [InlineData(0.3, 0.5, 0.6, 0.5, RescoreEffect.NowAbove)]
    [InlineData(0.3, 0.5, 0.2, 0.5, RescoreEffect.StillBelow)]
    [InlineData(0.5, 0.5, 0.5, 0.5, RescoreEffect.StillAbove)]
    public void For_OldAndNewScores_NamesTheChangeWithAReason(double oldScore, double oldThreshold, double newScore, double newThreshold, string expected)
    {
        var effect = RescoreEffect.For(oldScore, oldThreshold, newScore, newThreshold);

        Assert.Equal(expected, effect.Kind);
        Assert.Contains(newThreshold.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), effect.Reason, StringComparison.Ordinal);
    }
}
