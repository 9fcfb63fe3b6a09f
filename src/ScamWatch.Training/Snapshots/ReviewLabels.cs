using ScamWatch.Posts;
using ScamWatch.Review;

namespace ScamWatch.Training;

/// <summary>
/// Reviewer decisions as training labels: one example per post, the reviewed version's text, <c>lure</c> for a
/// confirmation and <c>legit</c> for a rejection.
/// </summary>
/// <remarks>
/// Rules (pure, see <see cref="Resolve"/>):
/// <list type="bullet">
/// <item>Only final decisions label: <c>confirmed</c> and <c>rejected</c>. <c>second-review</c> is a first,
/// provisional confirmation and <c>escalated</c> is a question; neither labels a post on its own, so a post with
/// only those is excluded.</item>
/// <item>When a post has several final decisions (it was re-queued after a new version, or a second reviewer
/// rejected a first reviewer's confirmation), the latest final decision wins (decided_at, then decision id). A
/// confirmation by a second reviewer that comes after a rejection therefore wins over it, and a rejection by a
/// second reviewer wins over the first reviewer's provisional confirmation.</item>
/// <item>The example takes the text of the post version the winning decision was made on.</item>
/// <item>Every post whose reviewers disagreed (final decisions with both labels, or a provisional confirmation
/// later rejected) is reported as a conflict, with all its decisions and the winner.</item>
/// </list>
/// </remarks>
public static class ReviewLabels
{
    public sealed record Example(PostRecord Record, ReviewedDecision Winner);

    public sealed record Conflict(long PostId, string Post, IReadOnlyList<string> Decisions, long WinnerDecisionId, string Label, string Reason);

    public sealed record Resolution(IReadOnlyList<Example> Examples, IReadOnlyList<Conflict> Conflicts, int ExcludedPosts);

    public static string? LabelOf(string decision) => decision switch
    {
        ReviewStatus.Confirmed => "lure",
        ReviewStatus.Rejected => "legit",
        _ => null,
    };

    public static Resolution Resolve(IEnumerable<ReviewedDecision> decisions)
    {
        var examples = new List<Example>();
        var conflicts = new List<Conflict>();
        var excluded = 0;
        foreach (var post in decisions.GroupBy(d => d.PostId).OrderBy(g => g.Key))
        {
            var ordered = post.OrderBy(d => d.DecidedAt, StringComparer.Ordinal).ThenBy(d => d.DecisionId).ToList();
            var winner = ordered.LastOrDefault(d => LabelOf(d.Decision) is not null);
            if (winner is null)
            {
                excluded++;
                continue;
            }

            var label = LabelOf(winner.Decision)!;
            examples.Add(new Example(ToRecord(winner, label), winner));

            var finalLabels = ordered.Select(d => LabelOf(d.Decision)).OfType<string>().Distinct().Count();
            var provisionalOverruled = label == "legit" && ordered.Any(d => d.Decision == ReviewStatus.SecondReview);
            if (finalLabels > 1 || provisionalOverruled)
            {
                conflicts.Add(new Conflict(
                    post.Key,
                    $"{winner.Site}/{winner.SitePostId}",
                    [.. ordered.Select(d => $"#{d.DecisionId} {d.Decision} by {d.Reviewer} at {d.DecidedAt} on version {d.VersionNo}")],
                    winner.DecisionId,
                    label,
                    finalLabels > 1
                        ? $"reviewers gave both labels; the latest final decision #{winner.DecisionId} ({winner.Decision}) wins"
                        : $"a provisional confirmation was rejected on second review; the rejection #{winner.DecisionId} wins"));
            }
        }

        return new Resolution(examples, conflicts, excluded);
    }

    /// <summary>The reviewed version as a post record. The id names post and version so it never collides with corpus ids.</summary>
    public static PostRecord ToRecord(ReviewedDecision d, string label) => new()
    {
        Id = $"review:{d.Site}/{d.SitePostId}@v{d.VersionNo}",
        Title = d.Title,
        Body = d.Body,
        Company = d.Company,
        Location = d.Location,
        Salary = d.Salary,
        EmploymentType = d.EmploymentType,
        Contact = d.Contact,
        Url = d.Url,
        Site = d.Site,
        PostedAt = d.PostedAt,
        Label = label,
        Group = "review/" + label,
    };
}
