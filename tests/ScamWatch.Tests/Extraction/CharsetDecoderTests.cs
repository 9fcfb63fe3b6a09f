using System.Text;
using ScamWatch.Extraction;

namespace ScamWatch.Tests.Extraction;

public sealed class CharsetDecoderTests
{
    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Korean = "캄보디아 고객상담 똠방각하 햏";

    [Theory]
    [InlineData("text/html; charset=euc-kr", null)]
    [InlineData("text/html; charset=EUC-KR", null)]
    [InlineData("text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">")]
    [InlineData(null, "<meta charset='ks_c_5601-1987'>")]
    public void Decode_EucKrLabel_DecodesAsCp949(string? contentType, string? meta)
    {
        var bytes = Encoding.GetEncoding(949).GetBytes($"<html><head>{meta}</head><body>{Korean}</body></html>");
        var decoded = CharsetDecoder.Decode(bytes, contentType);
        Assert.Null(decoded.Error);
        Assert.Equal("cp949", decoded.Charset);
        Assert.Contains(Korean, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8Bom_WinsOverWrongLabel()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Korean)).ToArray();
        var decoded = CharsetDecoder.Decode(bytes, "text/html; charset=euc-kr");
        Assert.Equal(Korean, decoded.Text);
    }

    [Fact]
    public void Decode_Cp949BytesLabelledUtf8_IsRejectedNotStoredAsMojibake()
    {
        var bytes = Encoding.GetEncoding(949).GetBytes(Korean);
        var decoded = CharsetDecoder.Decode(bytes, "text/html; charset=utf-8");
        Assert.Null(decoded.Text);
        Assert.Contains("not valid utf-8", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ForcedCharset_OverridesHeaders()
    {
        var bytes = Encoding.GetEncoding(949).GetBytes(Korean);
        Assert.Equal(Korean, CharsetDecoder.Decode(bytes, "text/html; charset=utf-8", forced: "euc-kr").Text);
    }
}
