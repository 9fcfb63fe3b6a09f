using ScamWatch.Classification;

namespace ScamWatch.Tests.Classification;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("캄 보 디 아 고수익", "캄보디아")]
    [InlineData("고.수.익 보장", "고수익")]
    [InlineData("텔❤레그램 문의", "텔레그램")]
    [InlineData("항_공_권 제공", "항공권")]
    [InlineData("ㅋㅂㄷㅇ 현지 근무", "캄보디아")]
    [InlineData("월 1OOO만원", "1000만원")]
    [InlineData("일당 5O만", "50만")]
    [InlineData("Phnom Penh office", "프놈펜")]
    [InlineData("CAMBODIA CS", "캄보디아")]
    [InlineData("ＴＥＬＥＧＲＡＭ ＠ｊｏｂ", "텔레그램 @job")]
    [InlineData("고\u200B수\u200B익", "고수익")]
    [InlineData("C4mb0d1a 현지", "캄보디아")]
    [InlineData("7elegram 문의", "텔레그램")]
    [InlineData("ㅋㅏㅁㅂㅗㄷㅣㅇㅏ 근무", "캄보디아")]
    [InlineData("캄보 디아 사무직", "캄보디아")]
    [InlineData("텔레-그램 연락", "텔레그램")]
    [InlineData("아디보캄 출국", "캄보디아")]
    [InlineData("🇰🇭 현지 근무", "캄보디아")]
    [InlineData("PNH 공항 픽업", "프놈펜")]
    public void Normalize_EvasiveSpelling_RestoresWord(string input, string expected)
    {
        Assert.Contains(expected, TextNormalizer.NormalizeText(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("좀 더 잘 할 수 있는 분")]
    [InlineData("주 5일 근무, 시급 10,030원")]
    [InlineData("서울 강남구 역삼동 사무실")]
    [InlineData("오전 10am 출근, 4500usd, mp3 파일")]
    public void Normalize_OrdinaryText_KeepsWords(string input)
    {
        Assert.Equal(input.ToLowerInvariant(), TextNormalizer.NormalizeText(input));
    }

    [Theory]
    [InlineData("캄 보 디 아 ㅋㅂㄷㅇ 1OOO만 고.수.익 텔❤레")]
    [InlineData("평범한 편의점 야간 알바 구합니다\n시급 12,000원")]
    [InlineData("Ｆｕｌｌ ｗｉｄｔｈ　ＴＥＸＴ ①②")]
    public void Normalize_IsIdempotent(string input)
    {
        var once = TextNormalizer.NormalizeText(input);
        Assert.Equal(once, TextNormalizer.NormalizeText(once));
    }

    [Fact]
    public void Normalize_MapsMatchBackToOriginalSpan()
    {
        const string original = "연락: 텔❤레그램 @abc";
        var mapped = TextNormalizer.Normalize(original);
        var at = mapped.Text.IndexOf("텔레그램", StringComparison.Ordinal);
        var (start, length) = mapped.OriginalSpan(at, "텔레그램".Length);
        Assert.Equal("텔❤레그램", original.Substring(start, length));
    }

    [Fact]
    public void Normalize_LaughterInitials_AreNotExpanded()
    {
        Assert.Equal("ㅋㅋㅋ 좋아요", TextNormalizer.NormalizeText("ㅋㅋㅋ 좋아요"));
    }
}
