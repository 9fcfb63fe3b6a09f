using ScamWatch.Classification;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Classification;

/// <summary>The shipped model through its public surface: verdicts that explain themselves, on ordinary and hostile input.</summary>
public sealed class LureModelTests
{
    private static readonly LureModel Model = LureModel.Load(Repo.PromotedModel);

    [Fact]
    public void Classify_ObviousLure_IsFlaggedWithRuleSpansAndReadableTerms()
    {
        var post = PostText.From("캄보디아 고객상담 월 1,500만원", "항공권 숙소 제공\n여권만 있으면 됨\n텔레그램 @kh_job_2026", contact: "텔레그램 @kh_job_2026");
        var verdict = Model.Classify(post);

        Assert.True(verdict.Flagged);
        Assert.Equal(Model.Version, verdict.Model);
        var rules = verdict.Reasons.Where(r => r.Kind == "rule").ToList();
        Assert.Contains(rules, r => r.Name == "destination-high-risk" && r.Text == "캄보디아");
        Assert.All(rules.Where(r => r.Start >= 0), r => Assert.Equal(r.Text, post.Original.Substring(r.Start, r.Length).Replace('\n', ' ').Trim()));
        var terms = verdict.Reasons.Where(r => r.Kind == "term").ToList();
        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.DoesNotContain("Char.", t.Name, StringComparison.Ordinal));
        Assert.All(terms, t => Assert.True(t.Name.Length >= 2));
        var positives = verdict.Reasons.TakeWhile(r => r.Weight >= 0).Select(r => r.Weight).ToList();
        Assert.Equal(positives.OrderDescending(), positives);
    }

    [Fact]
    public void Classify_PoliceWarningQuotingLurePhrases_IsNotFlagged()
    {
        var verdict = Model.Classify(PostText.From("[경찰청 안내] 해외 취업 사기 주의",
            "'고수익 보장', '항공권·숙소 제공', '텔레그램으로 연락' 같은 구인 글은 캄보디아 감금 범죄로 이어질 수 있습니다. 의심되면 112에 신고하세요."));
        Assert.False(verdict.Flagged);
    }

    [Fact]
    public void Classify_OneMegabyteBody_Completes()
    {
        var body = string.Concat(Enumerable.Repeat("평범한 물류센터 주간 근무자 모집합니다. ", 45_000));
        Assert.True(body.Length >= 1_000_000);
        var text = PostText.From("물류센터", body);
        Assert.Equal(PostText.MaxChars, text.Original.Length);
        var verdict = Model.Classify(text);
        Assert.InRange(verdict.Score, 0, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\uFFFF\uD800")]
    [InlineData("ㅋㅋㅋㅋㅋㅋ")]
    public void Classify_DegenerateText_StillGivesAScore(string text)
    {
        var verdict = Model.Classify(PostText.From(text, text));
        Assert.InRange(verdict.Score, 0, 1);
    }
}
