using System.Text;

namespace ScamWatch.Classification;

/// <summary>Turns ML.NET n-gram slot names (characters or words joined by a bar, with space markers) into the n-gram a reader recognises.</summary>
public static class NgramText
{
    public static string Readable(string slotName)
    {
        var name = slotName;
        var isChar = false;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (name.StartsWith("Char.", StringComparison.Ordinal) || name.StartsWith("[char]", StringComparison.Ordinal))
        {
            isChar = true;
        }

        if (colon >= 0 && colon < 12 && (name.StartsWith("Char", StringComparison.Ordinal) || name.StartsWith("Word", StringComparison.Ordinal)))
        {
            name = name[(colon + 1)..];
        }

        var parts = name.Split('|');
        isChar |= parts.Length > 1 && parts.All(p => p.Length <= 1 || p is "<␠>" or "<␂>" or "<␃>");
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

        var text = sb.ToString();
        return string.IsNullOrWhiteSpace(text) ? slotName : text.Trim();
    }
}
