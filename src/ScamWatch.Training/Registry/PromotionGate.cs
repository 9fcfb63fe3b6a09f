using System.Globalization;
using ScamWatch.Classification;

namespace ScamWatch.Training;

/// <summary>
/// Champion/challenger gate, a pure function of the two models' gold-set scores. The challenger is promoted only if
/// (1) its configured metric is not lower than the champion's by more than the tolerance, and (2) no red-flag rule's
/// behaviour regresses: for each rule, on the gold lures where the rule fires the challenger's recall may not drop by
/// more than the rule tolerance, and on the gold legit posts where it fires its false-positive rate may not rise by
/// more than it (a class is checked only with enough support). Both at each model's own operating threshold, because
/// that is what reviewers see.
/// </summary>
public static class PromotionGate
{
    public sealed record Decision(bool Promote, IReadOnlyList<string> Reasons);

    public static Decision Decide(PromotionGateOptions options, GoldSet gold, GoldRun? champion, GoldRun challenger)
    {
        if (champion is null)
        {
            return new Decision(true, [$"no champion is promoted; {challenger.Version} becomes the first"]);
        }

        if (champion.Version == challenger.Version)
        {
            return new Decision(false, [$"{challenger.Version} is already the promoted model"]);
        }

        var failures = new List<string>();
        var passes = new List<string>();
        var metric = options.Metric;
        var c = champion.Metric(metric);
        var n = challenger.Metric(metric);
        var notWorse = n >= c - options.Tolerance - 1e-9;
        var verdict = notWorse ? (n > c ? "challenger better" : n == c ? "equal" : "challenger worse, within tolerance") : "challenger worse";
        var line = $"{metric} on gold ({gold.Records.Count} posts): {verdict}: challenger {challenger.Version} {F(n)} vs champion {champion.Version} {F(c)} (tolerance {F(options.Tolerance)})";
        (notWorse ? passes : failures).Add(line);

        foreach (var rule in RedFlagRules.Names)
        {
            Check(rule, lure: true);
            Check(rule, lure: false);
        }

        void Check(string rule, bool lure)
        {
            var idx = Enumerable.Range(0, gold.Records.Count).Where(i => gold.Labels[i] == lure && gold.RuleHits[i].Contains(rule)).ToArray();
            if (idx.Length < options.MinRuleSupport)
            {
                return;
            }

            var rc = idx.Count(champion.Flagged) / (double)idx.Length;
            var rn = idx.Count(challenger.Flagged) / (double)idx.Length;
            var what = lure ? "recall on lures" : "false-positive rate on legit posts";
            var regressed = lure ? rn < rc - options.RuleTolerance - 1e-9 : rn > rc + options.RuleTolerance + 1e-9;
            var text = $"rule {rule}: {what} where it fires ({idx.Length} posts) {F(rn)} vs champion {F(rc)} (tolerance {F(options.RuleTolerance)})";
            if (regressed)
            {
                failures.Add(text + ": regressed");
            }
        }

        if (failures.Count == 0)
        {
            return new Decision(true, [.. passes, "no red-flag rule regressed"]);
        }

        return new Decision(false, [.. failures]);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
