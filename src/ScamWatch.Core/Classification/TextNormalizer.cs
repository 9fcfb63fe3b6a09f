using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScamWatch.Classification;

/// <summary>
/// Undoes the spellings scammers use to slip past keyword filters, keeping a map back to the original text.
/// Pure and idempotent: normalising normalised text changes nothing.
/// </summary>
public static partial class TextNormalizer
{
    public static MappedText Normalize(string? input)
    {
        var text = MappedText.From(input ?? "");

        // 1. Compatibility folding (full-width letters and digits, circled numbers, ㎡…), character by character so
        //    the map survives; compatibility jamo are kept as they are because initials carry meaning here.
        text = text.MapChars(FoldChar);

        // 2. Flags stand for countries (🇰🇭 → 캄보디아); other emoji, zero-width and decorative symbols between letters go,
        //    elsewhere they become a space.
        text = text.Replace(FlagRegex(), m => LureLexicon.Flags.TryGetValue(m.Value, out var country) ? " " + country + " " : " ");
        var folded = text.Text;
        text = text.Replace(InvisibleOrSymbolRegex(), m => IsBetweenLetters(folded, m) ? "" : " ");

        // 3. Latin look-alikes inside numbers (1OOO → 1000, 5O만 → 50만) and digits inside Latin words (C4mb0d1a → cambodia).
        text = text.Replace(LookAlikeNumberRegex(), m => m.Value.Replace('O', '0').Replace('o', '0').Replace('l', '1').Replace('I', '1'));
        text = text.Replace(LeetWordRegex(), m => Unleet(m.Value));

        // 4. Hangul spelled out in loose letters (ㅋㅏㅁㅂㅗ → 캄보) is composed back into syllables.
        text = text.Replace(LooseJamoRegex(), m => ComposeJamo(m.Value));

        // 5. Single syllables strung out with separators: 고.수.익, 캄 보 디 아, 텔_레_그_램.
        text = text.Replace(SpacedSyllablesRegex(), CollapseSpaced);

        // 6. Known words split or reversed (캄보 디아, 텔레-그램, 아디보캄) and initial-consonant abbreviations (ㅋㅂㄷㅇ).
        text = text.Replace(LureLexicon.SplitWords, m => LureLexicon.Canonical(m.Value));
        text = text.Replace(InitialsRegex(), m => LureLexicon.ByInitials.TryGetValue(m.Value, out var word) ? word : null);

        // 7. Romanised names, airport codes and messenger brands: Phnom Penh → 프놈펜, PNH → 프놈펜, telegram → 텔레그램.
        text = text.Replace(RomanisedRegex(), m => LureLexicon.Romanised.TryGetValue(WhitespaceRegex().Replace(m.Value, " "), out var word) ? word : null);

        // 8. Lower-case Latin and squeeze runs of spaces (line breaks become spaces for the model).
        text = text.MapChars(static c => c is '\r' or '\n' or '\t' ? " " : char.IsAsciiLetterUpper(c) ? ((char)(c | 0x20)).ToString() : null);
        text = text.Replace(MultiSpaceRegex(), _ => " ");
        return text;
    }

    /// <summary>Convenience for callers that need only the text.</summary>
    public static string NormalizeText(string? input) => Normalize(input).Text;

    private static string? FoldChar(char c)
    {
        // Fast path: ASCII, Hangul syllables and compatibility jamo are already as they should be.
        if (c < 0x80 || c is >= '\uAC00' and <= '\uD7A3' or >= '\u3131' and <= '\u318E' || char.IsSurrogate(c))
        {
            return null;
        }

        var s = c.ToString();
        return s.IsNormalized(NormalizationForm.FormKC) ? null : s.Normalize(NormalizationForm.FormKC);
    }

    private static string? Unleet(string word)
    {
        // Only words that are mostly letters: "C4mb0d1a", "7elegram" — not "10am", "4500usd", "mp3".
        var letters = word.Count(char.IsAsciiLetter);
        if (word[0] == '@' || letters < 3 || letters < word.Length - letters)
        {
            return null;
        }

        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            sb.Append(c switch { '4' or '@' => 'a', '0' => 'o', '1' or '!' or '|' => 'i', '3' => 'e', '5' or '$' => 's', '7' => 't', '8' => 'b', _ => c });
        }

        return sb.ToString();
    }

    private const string Choseong = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const string Jungseong = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    private const string Jongseong = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    /// <summary>Composes a run of compatibility jamo containing vowels into syllables (consonant + vowel [+ final]).</summary>
    private static string? ComposeJamo(string run)
    {
        var sb = new StringBuilder(run.Length);
        var i = 0;
        var composed = false;
        while (i < run.Length)
        {
            var l = Choseong.IndexOf(run[i], StringComparison.Ordinal);
            var v = i + 1 < run.Length ? Jungseong.IndexOf(run[i + 1], StringComparison.Ordinal) : -1;
            if (l < 0 || v < 0)
            {
                sb.Append(run[i]);
                i++;
                continue;
            }

            var t = 0;
            if (i + 2 < run.Length && Jongseong.IndexOf(run[i + 2], StringComparison.Ordinal) is > 0 and var final
                && !(i + 3 < run.Length && Jungseong.Contains(run[i + 3], StringComparison.Ordinal)))
            {
                t = final;
            }

            sb.Append((char)(0xAC00 + ((l * 21) + v) * 28 + t));
            composed = true;
            i += t > 0 ? 3 : 2;
        }

        return composed ? sb.ToString() : null;
    }

    private static bool IsBetweenLetters(string text, Match m)
    {
        var before = m.Index - 1;
        var after = m.Index + m.Length;
        return before >= 0 && after < text.Length && char.IsLetterOrDigit(text[before]) && char.IsLetterOrDigit(text[after]);
    }

    private static string? CollapseSpaced(Match m)
    {
        var syllables = new StringBuilder();
        foreach (var c in m.Value)
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                syllables.Append(c);
            }
        }

        var joined = syllables.ToString();
        var separatorIsSymbol = m.Value.Any(c => !char.IsWhiteSpace(c) && c is not (>= '\uAC00' and <= '\uD7A3'));

        // Symbols between single syllables are an evasion on their own; plain spaces only when the letters spell a
        // known word (prose has runs like "좀 더 잘 할 수" that must stay as they are).
        if (separatorIsSymbol || LureLexicon.Words.Any(w => joined.Contains(w, StringComparison.Ordinal)))
        {
            return joined;
        }

        return null;
    }

    // Emoji and pictographs (surrogate pairs), dingbats, zero-width characters, and decorative symbols.
    [GeneratedRegex(@"(?:[\u200B-\u200F\u2060\uFEFF\u00AD]|[\u2600-\u27BF\u2B00-\u2BFF\u2700-\u27BF\u2764\u2665\u2661\u2605\u2606\u25A0-\u25FF]|\p{Cs}{2})+")]
    private static partial Regex InvisibleOrSymbolRegex();

    // Regional-indicator pairs (country flags).
    [GeneratedRegex(@"(?:\uD83C[\uDDE6-\uDDFF]){2}")]
    private static partial Regex FlagRegex();

    // Latin words with digits or symbols standing in for letters (at least two letters, at least one stand-in).
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?=[A-Za-z0-9@$!|]*[A-Za-z][A-Za-z0-9@$!|]*[A-Za-z])(?=[A-Za-z0-9@$!|]*[0-9@$!|])[A-Za-z0-9@$!|]{4,}(?![A-Za-z0-9])")]
    private static partial Regex LeetWordRegex();

    // A run of compatibility jamo with at least one vowel.
    [GeneratedRegex(@"[\u3131-\u3163]*[\u314F-\u3163][\u3131-\u3163]*")]
    private static partial Regex LooseJamoRegex();

    [GeneratedRegex(@"(?<![A-Za-z])(?=[0-9OolI,]*[0-9])(?:[0-9][0-9OolI,]*|[OolI]+[0-9][0-9OolI,]*)(?![A-Za-z])")]
    private static partial Regex LookAlikeNumberRegex();

    [GeneratedRegex(@"(?<![\uAC00-\uD7A3])[\uAC00-\uD7A3](?:[ \t._\-*/·~^+|♡♥★☆●○◆◇■□♣♠❤\uFE0E\uFE0F\u3000]{1,3}[\uAC00-\uD7A3](?![\uAC00-\uD7A3])){1,}")]
    private static partial Regex SpacedSyllablesRegex();

    [GeneratedRegex(@"(?<![\u3131-\u314E])[\u3131-\u314E]{2,6}(?![\u3131-\u314E])")]
    private static partial Regex InitialsRegex();

    [GeneratedRegex(@"(?i)(?<![a-z])(?:phnom\s*penh|pnom\s+penh|pnh|khm|ho\s*chi\s*minh|viet\s+nam|golden\s+triangle|camb0dia|cambodian|cambodja|cambodia|kambodia|sihanoukville|sihanouk|shv|bavet|kampot|bokor|myanmar|burma|laos|thailand|bangkok|philippines|manila|vietnam|hochiminh|telegram|kakaotalk|whatsapp|wechat)(?![a-z])")]
    private static partial Regex RomanisedRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultiSpaceRegex();
}
