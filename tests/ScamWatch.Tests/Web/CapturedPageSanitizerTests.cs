using System.Text;
using System.Text.RegularExpressions;
using ScamWatch.Tests.Web.Browser;
using ScamWatch.Web;

namespace ScamWatch.Tests.Web;

public sealed partial class CapturedPageSanitizerTests
{
    [Fact]
    public void HostilePage_KeepsTextAndLayout_DropsEverythingActive()
    {
        var safe = CapturedPageSanitizer.Sanitize(Encoding.UTF8.GetBytes(XssCorpus.Page("프놈펜 고객상담 월 800만원")), "text/html; charset=utf-8");

        Assert.Contains("프놈펜 고객상담 월 800만원", safe, StringComparison.Ordinal);
        Assert.Contains("<table>", safe, StringComparison.Ordinal);
        Assert.Contains("<h2>해외 고수익 채용</h2>", safe, StringComparison.Ordinal);
        Assert.Contains("지원하기", safe, StringComparison.Ordinal); // a link's text stays, its target goes
        Assert.DoesNotMatch(ActiveRegex(), safe);
        Assert.DoesNotContain("__pwned", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.test", safe, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EachPayload))]
    public void EachPayload_AloneLeavesNothingActive(string payload)
    {
        var safe = CapturedPageSanitizer.Sanitize(Encoding.UTF8.GetBytes("<html><body><p>본문</p>" + payload + "</body></html>"), null);
        Assert.DoesNotMatch(ActiveRegex(), safe);
        Assert.DoesNotContain("evil.test", safe, StringComparison.Ordinal);
    }

    public static TheoryData<string> EachPayload() => [.. XssCorpus.Payloads];

    [Fact]
    public void EucKrPage_IsDecodedBeforeSanitising()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var raw = Encoding.GetEncoding(949).GetBytes("<html><head><meta charset=\"euc-kr\"></head><body><td>캄보디아 고객상담 숙식 제공</td></body></html>");
        var safe = CapturedPageSanitizer.Sanitize(raw, "text/html; charset=EUC-KR");
        Assert.Contains("캄보디아 고객상담 숙식 제공", safe, StringComparison.Ordinal);
    }

    // Anything that could run, load, submit or style: script/style/embedding elements, event handlers, URL or style attributes.
    [GeneratedRegex(@"<\s*(script|style|img|svg|math|iframe|frame|object|embed|form|input|button|video|audio|source|link|meta|base|template)\b|\s(on\w+|href|src|srcset|style|action|formaction|background|poster|data)\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveRegex();
}
