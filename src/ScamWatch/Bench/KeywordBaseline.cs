using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Bench;

/// <summary>
/// What job sites use today: flag a post when any one keyword appears (after the same normalisation the model gets,
/// which only makes the baseline stronger). Measured beside the model on the gold file.
/// </summary>
public static class KeywordBaseline
{
    public static readonly IReadOnlyList<string> Keywords =
        ["고수익", "항공권", "숙소 제공", "숙식 제공", "캄보디아", "프놈펜", "텔레그램", "여권만", "동남아", "해외 취업", "월 1000", "월 천"];

    public static bool Flags(PostRecord post)
    {
        var text = TextNormalizer.NormalizeText(string.Join("\n", post.Title, post.Body, post.Salary, post.Contact, post.Location));
        return Keywords.Any(k => text.Contains(k, StringComparison.Ordinal));
    }
}
