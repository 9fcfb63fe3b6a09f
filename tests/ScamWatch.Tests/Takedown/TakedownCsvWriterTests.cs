using System.Text;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown;

public sealed class TakedownCsvWriterTests
{
    [Theory]
    [InlineData(true, "요청번호,플랫폼,URL,게시물번호,제목,사유코드,법적근거,상태,수집일시,증거SHA256,점수,모델버전,판정일시")]
    [InlineData(false, "request_id,platform,url,platform_post_id,title,reason_code,legal_basis,state,captured_at,evidence_sha256,score,model_version,decided_at")]
    public async Task Write_Utf8WithBomAndHeadersInTheChosenLanguage(bool korean, string header)
    {
        using var buffer = new MemoryStream();
        var n = await TakedownFormats.WriteAsync(buffer, "csv", TakedownSamples.Stream(TakedownSamples.Request(1), TakedownSamples.Request(2)), korean);
        Assert.Equal(2, n);
        var bytes = buffer.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,albaplus,https://albaplus.example/jobs/view?no=1001,1001,캄보디아 고수익 상담직 (항공권·숙소 제공),trafficking,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",pending,2026-11-20T08:15:00.000Z,{TakedownSamples.PageSha256},0.9731,lure-20261101-abc123,2026-11-25T10:00:00.000Z", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_FormulaInTitle_IsEscapedForSpreadsheets()
    {
        using var buffer = new MemoryStream();
        await TakedownFormats.WriteAsync(buffer, "csv", TakedownSamples.Stream(TakedownSamples.Request(1, title: "=HYPERLINK(\"http://evil\")")), korean: false);
        Assert.DoesNotContain(",=HYPERLINK", Encoding.UTF8.GetString(buffer.ToArray()), StringComparison.Ordinal);
    }
}
