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
        text = text.MapChars(static (c, _) => FoldChar(c));

        // 2. Zero-width and emoji padding between letters goes; elsewhere it becomes a space.
        var folded = text.Text;
        text = text.Replace(InvisibleOrSymbolRegex(), m => IsBetweenLetters(folded, m) ? "" : " ");

        // 3. Latin look-alikes inside numbers: 1OOO → 1000, 5O만 → 50만, l5 → 15.
        text = text.Replace(LookAlikeNumberRegex(), m => m.Value.Replace('O', '0').Replace('o', '0').Replace('l', '1').Replace('I', '1'));

        // 4. Single syllables strung out with separators: 고.수.익, 캄 보 디 아, 텔_레_그_램.
        text = text.Replace(SpacedSyllablesRegex(), CollapseSpaced);

        // 5. Initial-consonant abbreviations of known words: ㅋㅂㄷㅇ → 캄보디아.
        text = text.Replace(InitialsRegex(), m => LureLexicon.ByInitials.TryGetValue(m.Value, out var word) ? word : null);

        // 6. Romanised names and messenger brands: Phnom Penh → 프놈펜, telegram → 텔레그램.
        text = text.Replace(RomanisedRegex(), m => LureLexicon.Romanised.TryGetValue(WhitespaceRegex().Replace(m.Value, " "), out var word) ? word : null);

        // 7. Lower-case Latin and squeeze runs of spaces (line breaks become spaces for the model).
        text = text.MapChars(static (c, _) => c is '\r' or '\n' or '\t' ? " " : char.ToLowerInvariant(c).ToString());
        text = text.Replace(MultiSpaceRegex(), _ => " ");
        return text;
    }

    /// <summary>Convenience for callers that need only the text.</summary>
    public static string NormalizeText(string? input) => Normalize(input).Text;

    private static string FoldChar(char c)
    {
        if (c is >= '\u3131' and <= '\u318E')
        {
            return c.ToString();
        }

        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        var s = c.ToString();
        return s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);
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

    [GeneratedRegex(@"(?<![A-Za-z])(?=[0-9OolI,]*[0-9])(?:[0-9][0-9OolI,]*|[OolI]+[0-9][0-9OolI,]*)(?![A-Za-z])")]
    private static partial Regex LookAlikeNumberRegex();

    [GeneratedRegex(@"(?<![\uAC00-\uD7A3])[\uAC00-\uD7A3](?:[ \t._\-*/·~^+|♡♥★☆●○◆◇■□♣♠❤\uFE0E\uFE0F\u3000]{1,3}[\uAC00-\uD7A3](?![\uAC00-\uD7A3])){1,}")]
    private static partial Regex SpacedSyllablesRegex();

    [GeneratedRegex(@"(?<![\u3131-\u314E])[\u3131-\u314E]{2,6}(?![\u3131-\u314E])")]
    private static partial Regex InitialsRegex();

    [GeneratedRegex(@"(?i)(?<![a-z])(?:phnom\s*penh|pnom\s+penh|ho\s*chi\s*minh|viet\s+nam|golden\s+triangle|camb0dia|cambodian|cambodja|cambodia|kambodia|sihanoukville|sihanouk|shv|bavet|kampot|bokor|myanmar|burma|laos|thailand|bangkok|philippines|manila|vietnam|hochiminh|telegram|kakaotalk|whatsapp|wechat)(?![a-z])")]
    private static partial Regex RomanisedRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultiSpaceRegex();
}
