using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Tests.Posts;

public sealed class SimHashTests
{
    private const string Original = "캄보디아 프놈펜 한국인 고객상담직 모집합니다. 월 1,200만원 보장, 항공권과 숙소 제공, 여권만 있으면 됩니다. 텔레그램 @dalbit_hr24";

    private static ulong Hash(string text) => SimHash.Compute(TextNormalizer.NormalizeText(text))!.Value;

    [Fact]
    public void Compute_Respaced_IsIdentical()
    {
        Assert.Equal(Hash(Original), Hash(Original.Replace(" ", "  ", StringComparison.Ordinal).Replace(",", " ,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compute_SmallEdit_StaysWithinDistance()
    {
        var edited = Original.Replace("1,200만원", "1,300만원", StringComparison.Ordinal).Replace("@dalbit_hr24", "@dalbit_hr25", StringComparison.Ordinal);
        Assert.InRange(SimHash.Distance(Hash(Original), Hash(edited)), 0, SimHash.MaxDistance);
    }

    [Fact]
    public void Compute_DifferentPost_IsFar()
    {
        var other = "역삼동 카페에서 주말 바리스타 구합니다. 시급 12,000원, 주휴수당 지급, 경력자 우대합니다. 문의 010-1234-5678";
        Assert.True(SimHash.Distance(Hash(Original), Hash(other)) > 10);
    }

    [Fact]
    public void Compute_ShortText_HasNoHash()
    {
        Assert.Null(SimHash.Compute("짧은 글"));
    }

    [Fact]
    public void Bands_RoundTrip()
    {
        var h = Hash(Original);
        Assert.Equal(h, SimHash.FromBands([.. Enumerable.Range(0, SimHash.Bands).Select(k => (long)SimHash.Band(h, k))]));
    }
}
