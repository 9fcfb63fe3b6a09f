using System.Text;
using AngleSharp.Dom;

namespace ScamWatch.Extraction;

/// <summary>Text of a DOM subtree as a reader sees it: block elements and &lt;br&gt; become line breaks, runs of spaces collapse.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "LI", "UL", "OL", "TR", "TABLE", "H1", "H2", "H3", "H4", "H5", "H6", "SECTION", "ARTICLE", "HEADER",
        "FOOTER", "BLOCKQUOTE", "PRE", "DL", "DT", "DD", "FORM", "FIELDSET", "ADDRESS", "HR", "TBODY", "THEAD",
    };

    public static string Of(INode? node)
    {
        if (node is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        Walk(node, sb, preformatted: false);
        return Tidy(sb.ToString());
    }

    // Source line breaks are whitespace in HTML (as a browser shows them) except inside <pre> and <textarea>.
    private static void Walk(INode node, StringBuilder sb, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(preformatted ? text.Data : text.Data.Replace('\r', ' ').Replace('\n', ' '));
                    break;
                case IElement element when element.LocalName is "script" or "style" or "noscript" or "template":
                    break;
                case IElement element when element.LocalName == "br":
                    sb.Append('\n');
                    break;
                case IElement element when element.LocalName is "td" or "th":
                    Walk(element, sb, preformatted);
                    sb.Append('\t');
                    break;
                case IElement element:
                    // As a browser's innerText: a block boundary is one line break, a paragraph is set off by a blank line.
                    var lines = element.LocalName == "p" ? 2 : Blocks.Contains(element.TagName) ? 1 : 0;
                    LineBreak(sb, lines);
                    Walk(element, sb, preformatted || element.LocalName is "pre" or "textarea");
                    LineBreak(sb, lines);

                    break;
            }
        }
    }

    // Ensures the text ends with at least `count` line breaks (none at the very start); <br>s add theirs on top.
    private static void LineBreak(StringBuilder sb, int count)
    {
        if (count == 0)
        {
            return;
        }

        var end = sb.Length;
        while (end > 0 && sb[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end == 0)
        {
            return;
        }

        var have = 0;
        while (have < end && sb[end - 1 - have] == '\n')
        {
            have++;
        }

        sb.Append('\n', Math.Max(0, count - have));
    }

    /// <summary>Collapses spaces within lines, trims lines, keeps at most one empty line between paragraphs.</summary>
    public static string Tidy(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder(raw.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            var collapsed = string.Join(' ', line.Split([' ', '\t', '\u00A0', '\u3000'], StringSplitOptions.RemoveEmptyEntries));
            if (collapsed.Length == 0)
            {
                blank++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank > 0 ? "\n\n" : "\n");
            }

            sb.Append(collapsed);
            blank = 0;
        }

        return sb.ToString();
    }
}
