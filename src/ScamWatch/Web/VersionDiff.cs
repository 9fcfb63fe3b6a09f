using System.Net;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;

namespace ScamWatch.Web;

/// <summary>A line diff of two post versions as safe HTML (every line encoded): removed lines struck, added lines marked.</summary>
public static class VersionDiff
{
    public static HtmlString Render(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "");
        var sb = new StringBuilder("<div class=\"diff\">");
        foreach (var line in model.Lines)
        {
            var css = line.Type switch { ChangeType.Inserted => "ins", ChangeType.Deleted => "del", _ => "same" };
            var mark = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "− ", _ => "  " };
            sb.Append("<div class=\"").Append(css).Append("\">").Append(mark).Append(WebUtility.HtmlEncode(line.Text)).Append("</div>");
        }

        return new HtmlString(sb.Append("</div>").ToString());
    }
}
