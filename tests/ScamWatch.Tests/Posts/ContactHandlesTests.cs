using ScamWatch.Posts;

namespace ScamWatch.Tests.Posts;

public sealed class ContactHandlesTests
{
    [Theory]
    [InlineData("텔레그램 @Dalbit_HR24 으로 연락", "@dalbit_hr24")]
    [InlineData("지원: https://t.me/dalbit_hr24", "@dalbit_hr24")]
    [InlineData("ＴＥＬＥ ＠ｄａｌｂｉｔ_ｈｒ24", "@dalbit_hr24")]
    [InlineData("오픈채팅 open.kakao.com/o/sV3nQx8K", "kakao-open:sV3nQx8K")]
    [InlineData("라인 ID: sea_hr_kim", "line:sea_hr_kim")]
    [InlineData("카톡 아이디 hello12", "kakao:hello12")]
    [InlineData("문의 010-1234-5678", "tel:01012345678")]
    [InlineData("문의 010 1234 5678", "tel:01012345678")]
    public void Extract_FindsNormalisedHandle(string text, string handle)
    {
        Assert.Contains(handle, ContactHandles.Extract(text));
    }

    [Theory]
    [InlineData("이메일 hr@company.co.kr 로 지원")]
    [InlineData("시급 12,000원, 02-123-4567")]
    public void Extract_EmailsAndLandlines_AreNotMessengerHandles(string text)
    {
        Assert.DoesNotContain(ContactHandles.Extract(text), h => h.StartsWith('@'));
    }
}
