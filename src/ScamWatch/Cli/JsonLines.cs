using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScamWatch.Cli;

/// <summary>JSON Lines output with Hangul written as is (readable), one object per line.</summary>
public static class JsonLines
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
