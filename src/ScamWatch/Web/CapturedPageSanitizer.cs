using AngleSharp.Dom;
using Ganss.Xss;
using ScamWatch.Extraction;

namespace ScamWatch.Web;

/// <summary>
/// Turns a captured (hostile) page into HTML that keeps its structure — headings, paragraphs, lists, tables — and
/// nothing that can run, load or send: no scripts, event handlers, styles, links, images, frames, forms or URLs of any
/// kind. The page's Content-Security-Policy is a second wall behind this one.
/// </summary>
public static class CapturedPageSanitizer
{
    // Elements removed with everything inside them (their text is code or invisible, never the post).
    private static readonly string[] DropWhole =
        ["script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "head", "link", "meta", "base"];

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(byte[] raw, string? contentType)
    {
        var decoded = CharsetDecoder.Decode(raw, contentType);
        using var document = HtmlExtractor.Parse(decoded.Text ?? "");
        return Sanitize(document);
    }

    public static string Sanitize(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(",", DropWhole)).ToList())
        {
            element.Remove();
        }

        return Sanitizer.Sanitize(document.Body?.InnerHtml ?? "");
    }

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
                 "tr", "th", "td", "caption", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup", "pre", "code", "blockquote", "section", "article",
                 "header", "footer", "main", "nav", "aside", "address", "time", "mark", "label", "fieldset", "legend", "a", "font", "center"],
                StringComparer.OrdinalIgnoreCase),
            // Only harmless layout attributes: no URL, no style, no event handler, no id/class a stylesheet could target.
            AllowedAttributes = new HashSet<string>(["colspan", "rowspan", "title", "lang", "dir", "datetime"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        // Removed tags keep their children (many boards wrap the whole page in a <form>), except the ones dropped whole above.
        return new HtmlSanitizer(options) { KeepChildNodes = true, AllowDataAttributes = false };
    }
}
