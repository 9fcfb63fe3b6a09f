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
    public void Decode_Cp949BytesMislabelledUtf8_IsReadAsCp949AndSaysSo()
    {
        var bytes = Encoding.GetEncoding(949).GetBytes(Korean);
        var decoded = CharsetDecoder.Decode(bytes, "text/html; charset=utf-8");
        Assert.Equal(Korean, decoded.Text);
        Assert.Equal("cp949 (declared utf-8)", decoded.Charset);
    }

    [Fact]
    public void Decode_Utf8BytesMislabelledEucKr_IsReadAsUtf8()
    {
        var decoded = CharsetDecoder.Decode(Encoding.UTF8.GetBytes(Korean), "text/html; charset=euc-kr");
        Assert.Equal(Korean, decoded.Text);
    }

    [Fact]
    public void Decode_BytesValidInNoKoreanEncoding_AreRejectedNotStoredAsMojibake()
    {
        byte[] garbage = [0x3C, 0x70, 0x3E, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x81, 0xA0, 0x3C, 0x2F, 0x70, 0x3E];
        var decoded = CharsetDecoder.Decode(garbage, "text/html; charset=utf-8");
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
