namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// Normalises hand-written post text to what a reader sees: spaces collapsed, lines trimmed, at most one blank line
/// between paragraphs, no blank lines at either end. Expected bodies are this text; pages are rendered from it.
/// </summary>
internal static class ReaderText
{
    public static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        var blank = false;
        foreach (var line in lines)
        {
            var collapsed = string.Join(' ', line.Split([' ', '\t', '\u00A0', '\u3000'], StringSplitOptions.RemoveEmptyEntries));
            if (collapsed.Length == 0)
            {
                blank = kept.Count > 0;
                continue;
            }

            if (blank)
            {
                kept.Add("");
            }

            kept.Add(collapsed);
            blank = false;
        }

        return string.Join('\n', kept);
    }

    /// <summary>Paragraphs (separated by one blank line), each as its lines.</summary>
    public static IReadOnlyList<string[]> Paragraphs(string tidyText) =>
        [.. tidyText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('\n'))];
}
