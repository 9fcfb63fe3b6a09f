namespace ScamWatch.Classification;

/// <summary>
/// Words that scammers disguise. Used to undo evasions (spaced letters, initial consonants, romanisation)
/// during normalisation; the red-flag rules and the model then see the plain word.
/// </summary>
public static class LureLexicon
{
    /// <summary>Words restored from spaced-out or initial-consonant spellings.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "캄보디아", "프놈펜", "시아누크빌", "시하누크빌", "바벳", "캄폿", "보코", "미얀마", "라오스", "태국", "필리핀", "베트남",
        "동남아", "해외", "현지", "고수익", "고소득", "보장", "항공권", "비행기", "비자", "숙소", "숙식", "여권", "출국",
        "텔레그램", "텔레", "카카오톡", "카톡", "오픈채팅", "오픈톡", "라인", "왓츠앱", "선불", "주급", "일당", "월급",
        "인센티브", "무경험", "경력무관", "나이무관", "초보가능", "상담원", "카지노", "코인", "통역", "마케팅", "고객상담",
    ];

    /// <summary>Romanised and English spellings, folded to the Korean word (matched case-insensitively, whole words).</summary>
    public static IReadOnlyDictionary<string, string> Romanised { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["cambodia"] = "캄보디아",
        ["cambodja"] = "캄보디아",
        ["kambodia"] = "캄보디아",
        ["cambodian"] = "캄보디아",
        ["camb0dia"] = "캄보디아",
        ["phnom penh"] = "프놈펜",
        ["phnompenh"] = "프놈펜",
        ["pnom penh"] = "프놈펜",
        ["sihanoukville"] = "시아누크빌",
        ["sihanouk"] = "시아누크빌",
        ["shv"] = "시아누크빌",
        ["bavet"] = "바벳",
        ["kampot"] = "캄폿",
        ["bokor"] = "보코",
        ["myanmar"] = "미얀마",
        ["burma"] = "미얀마",
        ["laos"] = "라오스",
        ["thailand"] = "태국",
        ["bangkok"] = "방콕",
        ["philippines"] = "필리핀",
        ["manila"] = "마닐라",
        ["vietnam"] = "베트남",
        ["viet nam"] = "베트남",
        ["hochiminh"] = "호치민",
        ["ho chi minh"] = "호치민",
        ["telegram"] = "텔레그램",
        ["kakaotalk"] = "카카오톡",
        ["whatsapp"] = "왓츠앱",
        ["wechat"] = "위챗",
        ["golden triangle"] = "골든트라이앵글",
        ["pnh"] = "프놈펜",
        ["khm"] = "캄보디아",
    };

    /// <summary>Country flags (regional-indicator pairs) used in place of the country's name.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["🇰🇭"] = "캄보디아",
        ["🇲🇲"] = "미얀마",
        ["🇱🇦"] = "라오스",
        ["🇹🇭"] = "태국",
        ["🇵🇭"] = "필리핀",
        ["🇻🇳"] = "베트남",
        ["🇲🇾"] = "말레이시아",
        ["🇮🇩"] = "인도네시아",
        ["🇦🇪"] = "두바이",
    };

    // Words of three or more syllables, matched with up to two separators between letters or spelled backwards.
    private static readonly string[] SplittableWords = [.. Words.Where(w => w.Length >= 3)];

    private static readonly Dictionary<string, string> Reversed = SplittableWords
        .Select(w => (Reverse: new string(w.Reverse().ToArray()), Word: w))
        .Where(p => !Words.Contains(p.Reverse))
        .GroupBy(p => p.Reverse, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Word, StringComparer.Ordinal);

    /// <summary>Lexicon words written with separators inside (캄보 디아, 텔레-그램) or reversed (아디보캄).</summary>
    public static System.Text.RegularExpressions.Regex SplitWords { get; } = new(
        string.Join("|", SplittableWords.OrderByDescending(w => w.Length).Select(w => string.Join(@"[\s\-_.·*/~^+|]{0,2}", w.Select(c => c.ToString()))))
        + "|" + string.Join("|", Reversed.Keys.OrderByDescending(k => k.Length)),
        System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The lexicon word a split or reversed match stands for.</summary>
    public static string? Canonical(string match)
    {
        if (Reversed.TryGetValue(match, out var word))
        {
            return word;
        }

        var letters = new string(match.Where(c => c is >= '\uAC00' and <= '\uD7A3').ToArray());
        return letters == match ? null : letters;
    }

    /// <summary>Initial-consonant sequence of a Hangul word (캄보디아 → ㅋㅂㄷㅇ); non-Hangul characters are dropped.</summary>
    public static string Initials(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                buffer[n++] = Choseong[(c - 0xAC00) / (21 * 28)];
            }
        }

        return new string(buffer[..n]);
    }

    private const string Choseong = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /// <summary>Initials of at least three consonants that stand for one lexicon word (short ones are too ambiguous).</summary>
    public static IReadOnlyDictionary<string, string> ByInitials { get; } = BuildInitials();

    private static Dictionary<string, string> BuildInitials()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words)
        {
            var initials = Initials(word);
            if (initials.Length < 3)
            {
                continue;
            }

            if (!result.TryAdd(initials, word))
            {
                ambiguous.Add(initials);
            }
        }

        foreach (var a in ambiguous)
        {
            result.Remove(a);
        }

        // Two-consonant forms seen in lures where the meaning is unambiguous in context.
        result["ㅌㄹ"] = "텔레";
        return result;
    }
}
