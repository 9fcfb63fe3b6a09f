using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScamWatch.Cli;

/// <summary>JSON Lines output with Hangul written as is (readable), one object per line.</summary>
public static class JsonLines
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Ends the object just written as one line: flushes it, writes the newline, readies the writer for the next.</summary>
    public static async Task EndLineAsync(Utf8JsonWriter writer, Stream output, CancellationToken ct)
    {
        await writer.FlushAsync(ct).ConfigureAwait(false);
        writer.Reset();
        output.WriteByte((byte)'\n');
    }
}
