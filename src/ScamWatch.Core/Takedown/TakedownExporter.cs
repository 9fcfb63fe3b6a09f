using Microsoft.Extensions.Options;
using ScamWatch.Storage;

namespace ScamWatch.Takedown;

/// <summary>
/// Writes requests in any format with what the formats need from configuration and the database: the reporter
/// (from <see cref="TakedownOptions"/>) and, for XARF, the captured page behind each evidence hash, read on one
/// connection held for the whole export. The CLI, the operator page and file delivery all go through here.
/// </summary>
public sealed class TakedownExporter(Database database, TakedownStore store, IOptions<TakedownOptions> options)
{
    /// <summary>Every request of one platform (or all), in id order.</summary>
    public Task<int> WriteAsync(Stream output, string format, string? platform, bool korean, CancellationToken ct = default) =>
        WriteAsync(output, format, store.StreamAsync(platform, ct), korean, ct);

    public async Task<int> WriteAsync(Stream output, string format, IAsyncEnumerable<TakedownRequest> requests, bool korean, CancellationToken ct = default)
    {
        if (format != "xarf")
        {
            return await TakedownFormats.WriteAsync(output, format, requests, new TakedownWriteOptions { Korean = korean, Reporter = options.Value.Reporter }, ct).ConfigureAwait(false);
        }

        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var write = new TakedownWriteOptions
        {
            Korean = korean,
            Reporter = options.Value.Reporter,
            CapturedPage = (r, c) => TakedownStore.CapturedPageAsync(connection, r, c),
        };
        return await TakedownFormats.WriteAsync(output, format, requests, write, ct).ConfigureAwait(false);
    }
}
