using System.Text.RegularExpressions;

namespace ScamWatch.Posts;

/// <summary>
/// The contact handles a post gives (Telegram @ids and t.me links, KakaoTalk open-chat links and IDs, LINE IDs,
/// phone numbers), normalised so the same actor's posts can be grouped into a campaign. Pure.
/// </summary>
public static partial class ContactHandles
{
    public static IReadOnlySet<string> Extract(params string?[] texts)
    {
        var handles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // Compatibility folding only (ＴＥＬＥ → TELE): handles are case- and digit-sensitive identifiers.
            var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
            foreach (Match m in TelegramLinkRegex().Matches(folded))
            {
                handles.Add("@" + m.Groups[1].Value.ToLowerInvariant());
            }

            foreach (Match m in AtHandleRegex().Matches(folded))
            {
                handles.Add("@" + m.Groups[1].Value.ToLowerInvariant());
            }

            foreach (Match m in OpenChatRegex().Matches(folded))
            {
                handles.Add("kakao-open:" + m.Groups[1].Value);
            }

            foreach (Match m in MessengerIdRegex().Matches(folded))
            {
                handles.Add((m.Groups[1].Value.StartsWith('라') || m.Groups[1].Value.StartsWith('l') ? "line:" : "kakao:") + m.Groups[2].Value.ToLowerInvariant());
            }

            foreach (Match m in PhoneRegex().Matches(folded))
            {
                handles.Add("tel:" + new string([.. m.Value.Where(char.IsAsciiDigit)]));
            }
        }

        return handles;
    }

    [GeneratedRegex(@"t\.me/([a-z0-9_]{4,32})", RegexOptions.IgnoreCase)]
    private static partial Regex TelegramLinkRegex();

    // @handle not part of an e-mail address (no word character before the @, no dot-domain after).
    [GeneratedRegex(@"(?<![\w.])@([a-z][a-z0-9_]{3,31})(?![\w]*\.[a-z]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex AtHandleRegex();

    [GeneratedRegex(@"open\.kakao\.com/o/([a-z0-9]{5,16})", RegexOptions.IgnoreCase)]
    private static partial Regex OpenChatRegex();

    [GeneratedRegex(@"(라인|line|카톡|카카오톡|kakao)\s?(?:id|아이디)\s?[:：]?\s?([a-z0-9_.\-]{4,30})", RegexOptions.IgnoreCase)]
    private static partial Regex MessengerIdRegex();

    [GeneratedRegex(@"(?<!\d)01[016789][-.\s]?\d{3,4}[-.\s]?\d{4}(?!\d)")]
    private static partial Regex PhoneRegex();
}
