using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace ScamWatch.Extraction;

/// <summary>
/// Reads schema.org <c>JobPosting</c> from a page's JSON-LD wherever it sits: a plain object, an array, an
/// <c>@graph</c>, nested, or one of several scripts. Broken JSON in one script does not stop the others.
/// </summary>
public static partial class JsonLdExtractor
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static ExtractedPost? Read(IDocument doc, Uri url, string sitePostId)
    {
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json'], script[type='application/ld+json; charset=utf-8']"))
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, Options);
            }
            catch (JsonException)
            {
                continue;
            }

            using (json)
            {
                if (FindJobPosting(json.RootElement, 0) is { } posting)
                {
                    return ToPost(posting, url, sitePostId);
                }
            }
        }

        return null;
    }

    private static JsonElement? FindJobPosting(JsonElement e, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (FindJobPosting(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (IsType(e, "JobPosting"))
                {
                    return e;
                }

                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && FindJobPosting(p.Value, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsType(JsonElement e, string type)
    {
        if (!e.TryGetProperty("@type", out var t))
        {
            return false;
        }

        return t.ValueKind switch
        {
            JsonValueKind.String => Matches(t.GetString(), type),
            JsonValueKind.Array => t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && Matches(x.GetString(), type)),
            _ => false,
        };

        static bool Matches(string? value, string type) =>
            value is not null && (value == type || value.EndsWith("/" + type, StringComparison.Ordinal) || value.EndsWith(":" + type, StringComparison.Ordinal));
    }

    private static ExtractedPost ToPost(JsonElement p, Uri url, string sitePostId)
    {
        var description = Text(p, "description");
        var body = description is null ? null : HtmlToText(description);
        var contact = Contact(p) ?? EmailIn(body);
        return new ExtractedPost
        {
            SitePostId = sitePostId,
            Url = url.AbsoluteUri,
            Title = Clean(Text(p, "title") ?? Text(p, "name")),
            Body = string.IsNullOrWhiteSpace(body) ? null : body,
            Company = Clean(Organization(p)),
            Location = Clean(Location(p)),
            Salary = Clean(Salary(p)),
            EmploymentType = Clean(Joined(p, "employmentType")),
            Contact = Clean(contact),
            PostedAt = Clean(Text(p, "datePosted")),
        };
    }

    private static string HtmlToText(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return HtmlText.Tidy(html);
        }

        using var doc = HtmlExtractor.Parse("<body>" + html + "</body>");
        return HtmlText.Of(doc.Body);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s).Trim();
}
