using System.Globalization;
using System.Text.Json;

namespace ScamWatch.Extraction;

// How schema.org JobPosting properties are read: each may be a string, an object, or an array of either.
public static partial class JsonLdExtractor
{
    private static string? Organization(JsonElement p)
    {
        if (!p.TryGetProperty("hiringOrganization", out var org))
        {
            return null;
        }

        return org.ValueKind == JsonValueKind.String ? org.GetString() : Text(First(org), "name");
    }

    private static string? Location(JsonElement p)
    {
        if (p.TryGetProperty("jobLocationType", out var type) && type.ValueKind == JsonValueKind.String && !p.TryGetProperty("jobLocation", out _))
        {
            return type.GetString();
        }

        if (!p.TryGetProperty("jobLocation", out var loc))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var place in loc.ValueKind == JsonValueKind.Array ? loc.EnumerateArray().ToList() : [loc])
        {
            if (place.ValueKind == JsonValueKind.String)
            {
                parts.Add(place.GetString()!);
                continue;
            }

            if (place.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (!place.TryGetProperty("address", out var address))
            {
                if (Text(place, "name") is { } name)
                {
                    parts.Add(name);
                }

                continue;
            }

            if (address.ValueKind == JsonValueKind.String)
            {
                parts.Add(address.GetString()!);
                continue;
            }

            var country = address.TryGetProperty("addressCountry", out var c)
                ? c.ValueKind == JsonValueKind.String ? c.GetString() : Text(c, "name")
                : null;
            var pieces = new[] { Text(address, "streetAddress"), Text(address, "addressLocality"), Text(address, "addressRegion"), country }
                .Where(x => !string.IsNullOrWhiteSpace(x)).Distinct();
            parts.Add(string.Join(", ", pieces));
        }

        return parts.Count == 0 ? null : string.Join(" / ", parts.Where(x => x.Length > 0));
    }

    private static string? Salary(JsonElement p)
    {
        if (!p.TryGetProperty("baseSalary", out var s) && !p.TryGetProperty("estimatedSalary", out s))
        {
            return null;
        }

        s = First(s);
        switch (s.ValueKind)
        {
            case JsonValueKind.String:
                return s.GetString();
            case JsonValueKind.Number:
                return Number(s);
            case JsonValueKind.Object:
                var currency = Text(s, "currency");
                var value = s.TryGetProperty("value", out var v) ? v : default;
                string? amount;
                string? unit = Text(s, "unitText");
                if (value.ValueKind == JsonValueKind.Object)
                {
                    unit ??= Text(value, "unitText");
                    var single = value.TryGetProperty("value", out var one) ? Number(one) : null;
                    var min = value.TryGetProperty("minValue", out var lo) ? Number(lo) : null;
                    var max = value.TryGetProperty("maxValue", out var hi) ? Number(hi) : null;
                    amount = single ?? (min is not null && max is not null ? $"{min}~{max}" : min ?? max);
                }
                else
                {
                    amount = value.ValueKind == JsonValueKind.Undefined ? null : Number(value);
                }

                return amount is null ? null : string.Join(' ', new[] { currency, amount, unit is null ? null : "/ " + unit }.Where(x => x is not null));
            default:
                return null;
        }
    }

    private static string? Contact(JsonElement p)
    {
        if (!p.TryGetProperty("applicationContact", out var c))
        {
            return null;
        }

        c = First(c);
        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString();
        }

        var parts = new[] { Text(c, "name"), Text(c, "telephone"), Text(c, "email"), Text(c, "url") }.Where(x => !string.IsNullOrWhiteSpace(x));
        var joined = string.Join(" ", parts);
        return joined.Length == 0 ? null : joined;
    }

    private static string? EmailIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var m = System.Text.RegularExpressions.Regex.Match(text, @"[\w.+-]+@[\w-]+(\.[\w-]+)+", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(200));
        return m.Success ? m.Value : null;
    }

    private static string? Joined(JsonElement p, string name)
    {
        if (!p.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())),
            _ => null,
        };
    }

    private static JsonElement First(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0 ? e[0] : e;

    private static string? Text(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        v = First(v);
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => Number(v),
            JsonValueKind.Object => Text(v, "name") ?? Text(v, "@value"),
            _ => null,
        };
    }

    private static string? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.TryGetDecimal(out var d) ? d.ToString("#,0.##", CultureInfo.InvariantCulture) : v.GetRawText(),
        JsonValueKind.String => v.GetString(),
        _ => null,
    };
}
