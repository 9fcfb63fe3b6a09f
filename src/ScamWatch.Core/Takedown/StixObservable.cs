using System.Globalization;
using System.Text;

namespace ScamWatch.Takedown;

/// <summary>
/// A contact handle as a STIX 2.1 cyber-observable. Messenger IDs (<c>@telegram</c>, <c>kakao:</c>, <c>line:</c>) and
/// phone numbers become <c>user-account</c> (account_type is an open vocabulary, so <c>telegram</c>,
/// <c>kakaotalk</c>, <c>line</c> are allowed; STIX 2.1 has no phone-number object, and a recruiter's number is the
/// login of the KakaoTalk/Telegram/WhatsApp account victims are told to message, so it is a user-account of type
/// <c>phone</c> in E.164 form). KakaoTalk open-chat rooms are links, so <c>url</c>; e-mail addresses <c>email-addr</c>.
/// Ids follow STIX §2.9: UUIDv5 in the STIX namespace over the canonical JSON (RFC 8785) of the id-contributing
/// properties, so every producer gives the same handle the same id.
/// </summary>
public sealed record StixObservable(string Type, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    public string Id => $"{Type}--{DeterministicId.Create(DeterministicId.StixObservables, CanonicalJson(Properties))}";

    public static StixObservable From(string handle)
    {
        var colon = handle.IndexOf(':', StringComparison.Ordinal);
        var (prefix, value) = colon > 0 ? (handle[..colon], handle[(colon + 1)..]) : ("", handle);
        return prefix switch
        {
            "" when handle.StartsWith('@') => Account("telegram", handle[1..]),
            "" when handle.Contains('@', StringComparison.Ordinal) => new("email-addr", [new("value", handle)]),
            "tel" => Account("phone", E164(value)),
            "kakao" => Account("kakaotalk", value),
            "kakao-open" => new("url", [new("value", "https://open.kakao.com/o/" + value)]),
            "line" => Account("line", value),
            "" => Account("unknown", handle),
            _ => Account(prefix, value),
        };
    }

    private static StixObservable Account(string type, string login) => new("user-account", [new("account_login", login), new("account_type", type)]);

    // Korean numbers as stored (01012345678) → +821012345678.
    private static string E164(string digits) => digits.StartsWith('0') ? "+82" + digits[1..] : "+" + digits;

    /// <summary>RFC 8785 canonical JSON of string properties: keys sorted by UTF-16 code units, minimal escaping.</summary>
    public static string CanonicalJson(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? "" : ",");
            first = false;
            AppendString(sb, key);
            sb.Append(':');
            AppendString(sb, value);
        }

        return sb.Append('}').ToString();
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
