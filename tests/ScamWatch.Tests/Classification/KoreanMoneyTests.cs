using ScamWatch.Classification;

namespace ScamWatch.Tests.Classification;

public sealed class KoreanMoneyTests
{
    [Theory]
    [InlineData("1,000만원", 10_000_000)]
    [InlineData("천만원", 10_000_000)]
    [InlineData("1억5천만원", 150_000_000)]
    [InlineData("50만", 500_000)]
    [InlineData("2,000,000원", 2_000_000)]
    [InlineData("이천만", 20_000_000)]
    [InlineData("800만", 8_000_000)]
    public void Evaluate_KoreanAmount_ReturnsWon(string text, long won)
    {
        Assert.Equal(won, KoreanMoney.Evaluate(text));
    }

    [Theory]
    [InlineData("월 1,000만원 보장", 10_000_000, PayPeriod.Month)]
    [InlineData("일당 50만원", 500_000, PayPeriod.Day)]
    [InlineData("주급 300만", 3_000_000, PayPeriod.Week)]
    [InlineData("연봉 4,800만원", 48_000_000, PayPeriod.Year)]
    [InlineData("시급 10,030원", 10_030, PayPeriod.Hour)]
    [InlineData("월 800~1500만", 8_000_000, PayPeriod.Month)]
    public void Find_AmountWithPeriod_ReadsBoth(string text, long won, PayPeriod period)
    {
        var m = Assert.Single(KoreanMoney.Find(text));
        Assert.Equal(won, m.Won);
        Assert.Equal(period, m.Period);
    }

    [Theory]
    [InlineData("월 1000 보장", 10_000_000, PayPeriod.Month)]
    [InlineData("月800 확정", 8_000_000, PayPeriod.Month)]
    [InlineData("일당 50 지급", 500_000, PayPeriod.Day)]
    public void Find_ColloquialAmountWithoutUnit_ReadsManWon(string text, long won, PayPeriod period)
    {
        var m = Assert.Single(KoreanMoney.Find(text));
        Assert.Equal(won, m.Won);
        Assert.Equal(period, m.Period);
    }

    [Theory]
    [InlineData("월 5일 근무")]
    [InlineData("월 2회 회식")]
    [InlineData("월 10시 출근")]
    [InlineData("일당 3명 필요")]
    public void Find_CountsAfterPeriodWords_AreNotPay(string text)
    {
        Assert.Empty(KoreanMoney.Find(text));
    }

    [Theory]
    [InlineData("만나서 반갑습니다 만약 만족하시면")]
    [InlineData("천천히 하셔도 됩니다")]
    public void Find_WordsContainingUnits_FindsNoMoney(string text)
    {
        Assert.Empty(KoreanMoney.Find(text));
    }

    [Fact]
    public void MonthlyWon_DailyPay_ScalesToMonth()
    {
        var m = Assert.Single(KoreanMoney.Find("일당 50만원"));
        Assert.Equal(11_000_000, m.MonthlyWon);
    }
}
