using System.Net.Http.Headers;
using System.Text.Json;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>
/// Strict reading of an operator's acknowledgement or outcome: a JSON object with only the known fields and values,
/// or a message saying exactly what is wrong. Nothing is guessed, so a malformed request changes nothing.
/// </summary>
public static class OperatorBody
{
    public const int MaxNoteLength = 1000;
    public const int MaxBytes = 16 * 1024;

    public sealed record Parsed(TakedownEvent Event, string? Note);

    /// <summary>An acknowledgement: an empty body, or <c>{"note": "..."}</c>.</summary>
    public static (Parsed? Action, string? Error) ParseAck(string? contentType, ReadOnlySpan<byte> body) =>
        body.IsEmpty ? (new Parsed(TakedownEvent.Acknowledged, null), null) : Parse(contentType, body, outcomeRequired: false);

    /// <summary>An outcome: <c>{"outcome": "removed" | "refused", "note": "..."}</c>.</summary>
    public static (Parsed? Action, string? Error) ParseOutcome(string? contentType, ReadOnlySpan<byte> body) =>
        body.IsEmpty ? (null, "the body must be a JSON object with \"outcome\": \"removed\" or \"refused\"") : Parse(contentType, body, outcomeRequired: true);

    /// <summary>What is wrong with a note, or null when it may be stored.</summary>
    public static string? NoteProblem(string? note) =>
        note is null ? null
        : note.Length > MaxNoteLength ? $"note is {note.Length} characters long; at most {MaxNoteLength} are allowed"
        : note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "note must not contain control characters"
        : null;

    private static (Parsed? Action, string? Error) Parse(string? contentType, ReadOnlySpan<byte> body, bool outcomeRequired)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.CharSet is { } charset && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"Content-Type must be application/json (UTF-8), not \"{contentType}\"");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                return (null, "the body is not valid JSON: more than one value");
            }
        }
        catch (JsonException e)
        {
            return (null, "the body is not valid JSON: " + e.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "the body must be a JSON object");
            }

            string? outcome = null;
            string? note = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return (null, $"field \"{property.Name}\" appears twice");
                }

                switch (property.Name)
                {
                    case "outcome" when outcomeRequired:
                        if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not ("removed" or "refused"))
                        {
                            return (null, $"outcome must be \"removed\" or \"refused\", not {property.Value.GetRawText()}");
                        }

                        outcome = property.Value.GetString();
                        break;
                    case "note":
                        if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        {
                            return (null, "note must be a string");
                        }

                        note = property.Value.GetString();
                        break;
                    default:
                        return (null, $"unknown field \"{property.Name}\"; allowed: {(outcomeRequired ? "outcome, note" : "note")}");
                }
            }

            if (NoteProblem(note) is { } problem)
            {
                return (null, problem);
            }

            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (!outcomeRequired)
            {
                return (new Parsed(TakedownEvent.Acknowledged, note), null);
            }

            return outcome switch
            {
                "removed" => (new Parsed(TakedownEvent.Removed, note), null),
                "refused" => (new Parsed(TakedownEvent.Refused, note), null),
                _ => (null, "outcome is missing: send \"outcome\": \"removed\" or \"refused\""),
            };
        }
    }
}
