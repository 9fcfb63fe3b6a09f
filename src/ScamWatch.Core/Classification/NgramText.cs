using System.Text;

namespace ScamWatch.Classification;

/// <summary>Turns ML.NET n-gram slot names (characters or words joined by a bar, with space markers) into the n-gram a reader recognises.</summary>
public static class NgramText
{
    public static string Readable(string slotName)
    {
        var name = slotName;
        var isChar = false;
        if (name.StartsWith("Char.", StringComparison.Ordinal))
        {
            isChar = true;
            name = name[5..];
        }
        else if (name.StartsWith("Word.", StringComparison.Ordinal))
        {
            name = name[5..];
        }

        var parts = name.Split('|');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Replace("<␠>", " ", StringComparison.Ordinal)
                .Replace("<␂>", "", StringComparison.Ordinal)
                .Replace("<␃>", "", StringComparison.Ordinal);
            if (!isChar && i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(p);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Whether a term is worth showing a reviewer (single characters and bare digits say nothing).</summary>
    public static bool IsReadable(string term) =>
        term.Length >= 2
        && !term.All(c => char.IsDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c))
        && !(term.Length < 3 && term.All(char.IsAsciiLetter));
}
