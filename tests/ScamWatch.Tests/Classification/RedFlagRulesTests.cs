using ScamWatch.Classification;

namespace ScamWatch.Tests.Classification;

public sealed class RedFlagRulesTests
{
    [Theory]
    [InlineData("문의는 텔레그램 @gogo_job77", "anonymous-messenger", "텔레그램")]
    [InlineData("지원: t.me/hr_desk", "anonymous-messenger", "t.me/hr_desk")]
    [InlineData("open.kakao.com/o/sAbC123 로 오세요", "anonymous-messenger", "open.kakao.com/o/sAbC123")]
    [InlineData("카톡 아이디 hello12 로 연락", "messenger-contact", "카톡 아이디")]
    [InlineData("캄 보 디 아 현지 근무", "destination-high-risk", "캄 보 디 아")]
    [InlineData("근무지 Sihanoukville", "destination-high-risk", "Sihanoukville")]
    [InlineData("동남아 지사 근무", "destination-vague", "동남아")]
    [InlineData("왕복 항공권 제공, 숙소 무료", "travel-paid", "왕복 항공권 제공")]
    [InlineData("여권만 있으면 됩니다", "passport-hook", "여권만")]
    [InlineData("월 1,500만원 이상", "pay-very-high", "1,500만원")]
    [InlineData("일당 30만", "pay-high", "30만")]
    [InlineData("고.수.익 보장", "income-guarantee", "고.수.익")]
    [InlineData("나이 무관 경력 무관", "no-experience-any-age", "나이 무관")]
    [InlineData("자세한 내용은 DM 주세요", "secrecy", "자세한 내용은 DM")]
    [InlineData("당일 출국 가능자", "urgency", "당일 출국")]
    [InlineData("해외 고객상담 업무", "cover-job", "고객상담")]
    [InlineData("보이스피싱 취업 사기 주의", "warning-context", "보이스피싱")]
    [InlineData("4대보험 가입, 서류 전형", "established-employer", "4대보험")]
    [InlineData("앙코르와트 3박 5일 투어", "tourism-context", "앙코르")]
    [InlineData("채팅 상담원 월 800만원", "pay-above-job-norm", "800만원")]
    [InlineData("데이터 입력 일당 30만", "pay-above-job-norm", "30만")]
    public void Evaluate_Trigger_FiresNamedRuleWithSpan(string text, string rule, string span)
    {
        var hits = RedFlagRules.Evaluate(PostText.From(text, null));
        var hit = Assert.Single(hits, h => h.Name == rule);
        Assert.Contains(span, hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Span_PointsIntoOriginalText()
    {
        var post = PostText.From("해외 CS", "연락은 텔❤레그램으로만");
        var hit = RedFlagRules.Evaluate(post).Single(h => h.Name == "anonymous-messenger");
        Assert.Equal("텔❤레그램", post.Original.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void Evaluate_PostWithCompanyAndPhone_DoesNotFireMissingEmployer()
    {
        var post = PostText.From("편의점 알바", "문의 010-1234-5678", company: "GS25 역삼점");
        Assert.DoesNotContain(RedFlagRules.Evaluate(post), h => h.Name == "missing-employer");
    }

    [Fact]
    public void Evaluate_AnonymousPost_FiresMissingEmployer()
    {
        var post = PostText.From("좋은 자리 있습니다", "관심 있으면 연락 주세요");
        Assert.Contains(RedFlagRules.Evaluate(post), h => h.Name == "missing-employer");
    }

    [Theory]
    [InlineData("편의점 야간 알바 구합니다. 시급 10,030원, 주휴수당 지급")]
    [InlineData("물류센터 상하차, 일당 13만원")]
    public void Evaluate_OrdinaryJob_FiresNoStrongRule(string text)
    {
        var strong = new[] { "anonymous-messenger", "destination-high-risk", "travel-paid", "passport-hook", "pay-very-high", "income-guarantee" };
        Assert.DoesNotContain(RedFlagRules.Evaluate(PostText.From(text, null)), h => strong.Contains(h.Name));
    }

    [Theory]
    [InlineData("콜센터 상담원 월 280만원")]
    [InlineData("원양어선 선원 월 900만원")]
    public void Evaluate_PayNormalForTheJob_DoesNotFireJobNorm(string text)
    {
        Assert.DoesNotContain(RedFlagRules.Evaluate(PostText.From(text, null)), h => h.Name == "pay-above-job-norm");
    }

    [Fact]
    public void Names_AreUniqueAndStable()
    {
        Assert.Equal(RedFlagRules.Names.Count, RedFlagRules.Names.Distinct().Count());
        Assert.Equal("anonymous-messenger", RedFlagRules.Names[0]);
    }
}
