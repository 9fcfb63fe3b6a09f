using ScamWatch.Posts;
using ScamWatch.Training;

namespace ScamWatch.Tests.Training.Registry;

public sealed class PromotionGateTests
{
    // 20 lures then 20 legit posts; "anonymous-messenger" fires on the first 10 lures, "warning-context" on the first 10 legit posts.
    private static readonly GoldSet Gold = new(
        "gold.jsonl",
        [.. Enumerable.Range(0, 40).Select(i => new PostRecord { Id = "g" + i, Title = "t", Label = i < 20 ? "lure" : "legit" })],
        [.. Enumerable.Range(0, 40).Select(i => i < 20)],
        [.. Enumerable.Range(0, 40).Select(i => (IReadOnlySet<string>)(i < 10 ? new HashSet<string> { "anonymous-messenger" }
            : i is >= 20 and < 30 ? new HashSet<string> { "warning-context" } : new HashSet<string>()))]);

    /// <summary>A model that flags exactly the given posts (score 0.9) and scores the rest 0.1.</summary>
    private static GoldRun Run(string version, Func<int, bool> flags)
    {
        var scores = Enumerable.Range(0, 40).Select(i => flags(i) ? 0.9 : 0.1).ToArray();
        return new GoldRun(version, 0.5, scores, BinaryMetrics.Compute(Gold.Labels, scores, 0.5),
            GoldRun.RecallAt(Gold.Labels, scores, 0.9), 1000, "sha-" + version, 0);
    }

    private static readonly GoldRun Champion = Run("champ", i => i < 18); // misses lures 18, 19

    [Fact]
    public void Decide_NoChampion_Promotes()
    {
        var d = PromotionGate.Decide(new PromotionGateOptions(), Gold, null, Champion);
        Assert.True(d.Promote);
        Assert.Contains("no champion", Assert.Single(d.Reasons), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("pr_auc")]
    [InlineData("recall_at_precision")]
    public void Decide_EqualChallenger_Promotes(string metric)
    {
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = metric }, Gold, Champion, Run("same", i => i < 18));
        Assert.True(d.Promote, string.Join("; ", d.Reasons));
        Assert.Contains(d.Reasons, r => r.StartsWith(metric, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_BetterChallenger_Promotes()
    {
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = "f1" }, Gold, Champion, Run("better", i => i < 20));
        Assert.True(d.Promote, string.Join("; ", d.Reasons));
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("pr_auc")]
    [InlineData("recall_at_precision")]
    public void Decide_WorseOnTheMetric_RefusesAndSaysWhy(string metric)
    {
        // Flags every post: recall 1 but half the flags are false.
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = metric }, Gold, Champion, Run("worse", _ => true));
        Assert.False(d.Promote);
        Assert.Contains(d.Reasons, r => r.StartsWith(metric + " on gold", StringComparison.Ordinal) && r.Contains("challenger worse", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WithinTolerance_Promotes()
    {
        var worseByOne = Run("minus-one", i => i < 17);
        Assert.True(PromotionGate.Decide(new PromotionGateOptions { Metric = "f1", Tolerance = 0.05, RuleTolerance = 0.5 }, Gold, Champion, worseByOne).Promote);
        Assert.False(PromotionGate.Decide(new PromotionGateOptions { Metric = "f1", Tolerance = 0.001, RuleTolerance = 0.5 }, Gold, Champion, worseByOne).Promote);
    }

    [Fact]
    public void Decide_RuleRecallRegresses_RefusesNamingTheRule()
    {
        // Misses three anonymous-messenger lures but catches 18 and 19: overall recall is lower by only 0.05.
        var challenger = Run("rule-regress", i => i is >= 3 and < 20);
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = "f1", Tolerance = 0.5 }, Gold, Champion, challenger);

        Assert.False(d.Promote);
        var reason = Assert.Single(d.Reasons);
        Assert.Contains("rule anonymous-messenger: recall on lures", reason, StringComparison.Ordinal);
        Assert.Contains("0.700 vs champion 1.000", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RuleFalsePositivesRise_RefusesNamingTheRule()
    {
        var challenger = Run("fp-regress", i => i < 18 || i is 20 or 21);
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = "f1", Tolerance = 0.5 }, Gold, Champion, challenger);

        Assert.False(d.Promote);
        Assert.Contains(d.Reasons, r => r.Contains("rule warning-context: false-positive rate on legit posts", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_RuleWithTooLittleSupport_IsNotChecked()
    {
        var challenger = Run("rule-regress", i => i is >= 3 and < 20);
        var d = PromotionGate.Decide(new PromotionGateOptions { Metric = "f1", Tolerance = 0.5, MinRuleSupport = 11 }, Gold, Champion, challenger);
        Assert.True(d.Promote, string.Join("; ", d.Reasons));
    }

    [Fact]
    public void Decide_SameVersion_IsNotAPromotion()
    {
        Assert.False(PromotionGate.Decide(new PromotionGateOptions(), Gold, Champion, Champion).Promote);
    }
}
