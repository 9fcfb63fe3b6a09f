using System.Buffers;
using System.Text.Json;

namespace ScamWatch.Takedown;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> over a small in-memory buffer that is drained to the output stream whenever it
/// passes <see cref="ChunkBytes"/>: memory stays at one chunk plus the largest record however many rows are written,
/// and every write to the stream is asynchronous (ASP.NET response streams refuse synchronous writes).
/// </summary>
internal sealed class JsonChunkWriter : IAsyncDisposable
{
    public const int ChunkBytes = 64 * 1024;

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes * 2);

    public JsonChunkWriter(Stream output)
    {
        _output = output;
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = TakedownFormats.Json.Encoder });
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Ends one JSON Lines record: the value just written, a newline, and a fresh writer state for the next.</summary>
    public void EndLine()
    {
        Json.Flush();
        _buffer.Write("\n"u8);
        Json.Reset(_buffer);
    }

    public async ValueTask DrainIfFullAsync(CancellationToken ct)
    {
        Json.Flush();
        if (_buffer.WrittenCount >= ChunkBytes)
        {
            await DrainAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        Json.Flush();
        await DrainAsync(ct).ConfigureAwait(false);
        await _output.FlushAsync(ct).ConfigureAwait(false);
    }

    private async ValueTask DrainAsync(CancellationToken ct)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _output.WriteAsync(_buffer.WrittenMemory, ct).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }
    }

    public ValueTask DisposeAsync() => Json.DisposeAsync();
}
