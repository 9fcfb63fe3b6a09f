using System.Globalization;

namespace ScamWatch.Storage;

/// <summary>The one timestamp text format in storage: fixed-width UTC, so text order is time order.</summary>
public static class Iso
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(string? text) => string.IsNullOrEmpty(text) ? null : Parse(text);
}
