using System.Text;
using System.Text.RegularExpressions;

namespace ScamWatch.Extraction;

/// <summary>
/// Decodes page bytes: BOM, then the Content-Type charset, then a &lt;meta&gt; charset, then UTF-8. EUC-KR labels decode as
/// CP949 (its superset, which is what Korean sites really send). Text that still has replacement characters is
/// refused rather than stored as mojibake.
/// </summary>
public static partial class CharsetDecoder
{
    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Decoded(string? Text, string Charset, string? Error);

    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? contentType, string? forced = null)
    {
        var (encoding, label, bomLength) = Detect(bytes, contentType, forced);
        var text = encoding.GetString(bytes[bomLength..]);
        var bad = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        if (bad < 0)
        {
            return new Decoded(text, label, null);
        }

        // Korean sites often mislabel: pages declared UTF-8 are really CP949, or the reverse. Without a BOM or a
        // forced charset, the other Korean encoding is tried; only text that decodes cleanly is accepted.
        if (bomLength == 0 && forced is null)
        {
            var alternative = label == "cp949" ? "utf-8" : "cp949";
            var retry = ForLabel(alternative).GetString(bytes);
            if (!retry.Contains('\uFFFD', StringComparison.Ordinal) && retry.Any(c => c is >= '\uAC00' and <= '\uD7A3'))
            {
                return new Decoded(retry, $"{alternative} (declared {label})", null);
            }
        }

        return new Decoded(null, label, $"bytes are not valid {label} (replacement character at text offset {bad}); not stored");
    }

    private static (Encoding Encoding, string Label, int BomLength) Detect(ReadOnlySpan<byte> bytes, string? contentType, string? forced)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, "utf-8", 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, "utf-16le", 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, "utf-16be", 2);
        }

        var label = forced ?? CharsetFromContentType(contentType) ?? CharsetFromMeta(bytes[..Math.Min(bytes.Length, 4096)]);
        return label is null ? (Utf8, "utf-8", 0) : (ForLabel(label), Canonical(label), 0);
    }

    public static Encoding ForLabel(string label)
    {
        var canonical = Canonical(label);
        // Undecodable bytes must become U+FFFD (the code-page default is '?', which would hide mojibake).
        var marker = new DecoderReplacementFallback("\uFFFD");
        if (canonical == "cp949")
        {
            return Encoding.GetEncoding(949, EncoderFallback.ReplacementFallback, marker);
        }

        try
        {
            var e = Encoding.GetEncoding(canonical, EncoderFallback.ReplacementFallback, marker);
            return e is UTF8Encoding ? Utf8 : e;
        }
        catch (ArgumentException)
        {
            return Utf8;
        }
    }

    private static string Canonical(string label) => label.Trim().Trim('"', '\'').ToLowerInvariant() switch
    {
        "euc-kr" or "euckr" or "euc_kr" or "ks_c_5601-1987" or "ks_c_5601" or "ksc5601" or "cp949" or "ms949" or "windows-949" or "x-windows-949" or "uhc" => "cp949",
        "utf8" => "utf-8",
        var other => other,
    };

    // Without a BOM; invalid bytes decode to U+FFFD, which Decode then refuses.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string? CharsetFromContentType(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var m = CharsetRegex().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? CharsetFromMeta(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var m = MetaRegex().Match(ascii);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w\-:]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetRegex();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w\-:]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaRegex();
}
