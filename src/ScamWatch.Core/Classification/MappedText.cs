using System.Text;
using System.Text.RegularExpressions;

namespace ScamWatch.Classification;

/// <summary>
/// Text with, for every character, the index of the original character it came from, so a match found in
/// normalised text can be shown on the post as the reviewer saw it.
/// </summary>
public sealed class MappedText
{
    private MappedText(string original, string text, int[] map)
    {
        Original = original;
        Text = text;
        Map = map;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary><c>Map[i]</c> is the index in <see cref="Original"/> of <c>Text[i]</c>.</summary>
    public IReadOnlyList<int> Map { get; }

    public static MappedText From(string original)
    {
        var map = new int[original.Length];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = i;
        }

        return new MappedText(original, original, map);
    }

    /// <summary>Builds the next stage by transforming each character independently; null keeps the character as it is.</summary>
    public MappedText MapChars(Func<char, string?> transform)
    {
        StringBuilder? sb = null;
        List<int>? map = null;
        for (var i = 0; i < Text.Length; i++)
        {
            var replacement = transform(Text[i]);
            if (replacement is null || (replacement.Length == 1 && replacement[0] == Text[i]))
            {
                sb?.Append(Text[i]);
                map?.Add(Map[i]);
                continue;
            }

            if (sb is null)
            {
                // First change: copy the untouched prefix once; unchanged text costs no allocation at all.
                sb = new StringBuilder(Text.Length + 16).Append(Text, 0, i);
                map = new List<int>(Text.Length + 16);
                for (var k = 0; k < i; k++)
                {
                    map.Add(Map[k]);
                }
            }

            sb.Append(replacement);
            for (var k = 0; k < replacement.Length; k++)
            {
                map!.Add(Map[i]);
            }
        }

        return sb is null ? this : new MappedText(Original, sb.ToString(), [.. map!]);
    }

    /// <summary>Regex replacement; replaced characters map onto the span they replaced.</summary>
    public MappedText Replace(Regex regex, Func<Match, string?> replacement)
    {
        var sb = new StringBuilder(Text.Length);
        var map = new List<int>(Text.Length);
        var last = 0;
        foreach (Match m in regex.Matches(Text))
        {
            var value = replacement(m);
            if (value is null)
            {
                continue;
            }

            for (var i = last; i < m.Index; i++)
            {
                sb.Append(Text[i]);
                map.Add(Map[i]);
            }

            for (var k = 0; k < value.Length; k++)
            {
                // Spread the replacement over the replaced span so highlight offsets stay monotone.
                // First replacement char maps to the span's first char and the last to its last.
                var src = m.Length == 0 ? m.Index : m.Index + (value.Length == 1 ? 0 : k * (m.Length - 1) / (value.Length - 1));
                sb.Append(value[k]);
                map.Add(src < Map.Count ? Map[src] : Original.Length);
            }

            last = m.Index + m.Length;
        }

        if (last == 0 && sb.Length == 0)
        {
            return this;
        }

        for (var i = last; i < Text.Length; i++)
        {
            sb.Append(Text[i]);
            map.Add(Map[i]);
        }

        return new MappedText(Original, sb.ToString(), [.. map]);
    }

    /// <summary>The original text behind <c>Text[start..start+length]</c>.</summary>
    public (int Start, int Length) OriginalSpan(int start, int length)
    {
        if (length <= 0 || Map.Count == 0)
        {
            return (0, 0);
        }

        var s = Map[Math.Clamp(start, 0, Map.Count - 1)];
        var e = Map[Math.Clamp(start + length - 1, 0, Map.Count - 1)];
        if (e < s)
        {
            (s, e) = (e, s);
        }

        e = Math.Min(e, Original.Length - 1);
        return (s, e - s + 1);
    }
}
