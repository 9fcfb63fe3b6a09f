using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ScamWatch.Posts;

/// <summary>
/// Streams JSON Lines post records. A line that cannot be used becomes a <see cref="LineResult"/> carrying
/// its line number and the reason, so callers report it and go on with the rest.
/// </summary>
public static class PostRecordReader
{
    /// <summary>Lines longer than this are rejected rather than parsed (a post is never this large).</summary>
    public const int MaxLineChars = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static async IAsyncEnumerable<LineResult> ReadAsync(
        TextReader reader, bool requireLabel = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var lineNo = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                yield break;
            }

            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, lineNo, requireLabel);
        }
    }

    public static LineResult Parse(string line, int lineNo, bool requireLabel)
    {
        if (line.Length > MaxLineChars)
        {
            return LineResult.Fail(lineNo, $"line is {line.Length} characters, more than the {MaxLineChars} allowed");
        }

        PostRecord? record;
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return LineResult.Fail(lineNo, $"expected a JSON object, found {doc.RootElement.ValueKind}");
            }

            var typeError = CheckStringFields(doc.RootElement);
            if (typeError is not null)
            {
                return LineResult.Fail(lineNo, typeError);
            }

            record = doc.RootElement.Deserialize<PostRecord>(Json);
        }
        catch (JsonException ex)
        {
            return LineResult.Fail(lineNo, "invalid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
        }

        if (record is null)
        {
            return LineResult.Fail(lineNo, "empty record");
        }

        if (string.IsNullOrWhiteSpace(record.Id))
        {
            return LineResult.Fail(lineNo, "missing required field \"id\"");
        }

        if (string.IsNullOrWhiteSpace(record.Title) && string.IsNullOrWhiteSpace(record.Body))
        {
            return LineResult.Fail(lineNo, $"record \"{record.Id}\" has neither \"title\" nor \"body\"");
        }

        if (requireLabel && record.Label is not ("lure" or "legit"))
        {
            return LineResult.Fail(lineNo, $"record \"{record.Id}\" needs \"label\" of \"lure\" or \"legit\", found {(record.Label is null ? "none" : "\"" + record.Label + "\"")}");
        }

        return LineResult.Ok(lineNo, record);
    }

    private static readonly string[] StringFields =
        ["id", "title", "body", "company", "location", "salary", "employment_type", "contact", "url", "site", "posted_at", "label", "group"];

    private static string? CheckStringFields(JsonElement root)
    {
        foreach (var name in StringFields)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                // Ids are often numeric in exported data; accept them as their text.
                if (name == "id" && value.ValueKind == JsonValueKind.Number)
                {
                    continue;
                }

                return $"field \"{name}\" must be a string, found {value.ValueKind}";
            }
        }

        return null;
    }
}
