using System.Globalization;
using System.Text.Json;

namespace ScamWatch.Extraction;

/// <summary>Dotted paths into JSON for API site definitions: <c>data.items</c>, <c>company.name</c>, <c>tags[0]</c>.</summary>
public static class JsonPath
{
    public static JsonElement? Select(JsonElement root, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var current = root;
        foreach (var raw in path.Split('.'))
        {
            var part = raw;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && part.EndsWith(']') && int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                index = i;
                part = part[..bracket];
            }

            if (part.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                {
                    return null;
                }
            }

            if (index is { } k)
            {
                if (current.ValueKind != JsonValueKind.Array || k >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[k];
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>The value as text: strings as they are, numbers and booleans as written, arrays of strings joined.</summary>
    public static string? Text(JsonElement root, string? path)
    {
        var e = Select(root, path);
        return e?.ValueKind switch
        {
            JsonValueKind.String => e.Value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.Value.GetRawText(),
            JsonValueKind.Array => string.Join(", ", e.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())),
            _ => null,
        };
    }
}
