using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Storage;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// File delivery: a platform's pending requests become one batch file in <c>OutboxPath/&lt;platform&gt;/</c>, in three
/// durable steps: claim and name the batch in the database (the name comes from its first and last request id), write
/// the file (temporary file, fsync, rename), then mark the requests sent. A run that dies after naming is finished by
/// the next one under the same name; if the file is already there it is only marked, never written twice or differently.
/// </summary>
public sealed class FileOutbox(
    DeliveryStore deliveries,
    TakedownStore takedowns,
    IOptions<TakedownOptions> takedownOptions,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<FileOutbox> logger)
{
    public const string Actor = "file-outbox";
    private const string Channel = DeliveryChannel.File;

    private readonly DeliveryOptions _options = options.Value;

    /// <summary>Test seam: runs once a batch file is in place, before its requests are marked (where a crash leaves work to resume).</summary>
    internal Func<string, Task>? AfterWrite { get; set; }

    /// <summary>The batch's file name: deterministic from its contents (first and last request id) and format.</summary>
    public static string BatchName(long firstRequestId, long lastRequestId, string format) =>
        FormattableString.Invariant($"takedowns-{firstRequestId:D10}-{lastRequestId:D10}.{TakedownFormats.Extension(format)}");

    /// <summary>The format a batch name was written in (the longest matching extension: <c>xarf.jsonl</c> before <c>jsonl</c>).</summary>
    public static string FormatOf(string batch) =>
        TakedownFormats.All.OrderByDescending(f => TakedownFormats.Extension(f).Length).First(f => batch.EndsWith("." + TakedownFormats.Extension(f), StringComparison.Ordinal));

    public string FolderFor(string platform)
    {
        if (platform.Length == 0 || platform != Path.GetFileName(platform) || platform.StartsWith('.'))
        {
            throw new InvalidOperationException($"platform name \"{platform}\" cannot be an outbox folder name");
        }

        return Path.Combine(Path.GetFullPath(takedownOptions.Value.OutboxPath), platform);
    }

    public async Task RunAsync(string platform, PlatformDelivery settings, LeaseOwner owner, DeliveryReport report, CancellationToken ct)
    {
        var folder = FolderFor(platform);
        Directory.CreateDirectory(folder);
        var me = owner.ToString();

        // First finish what a dead run (or one whose lease ran out) left claimed.
        foreach (var open in await deliveries.OpenBatchesAsync(Channel, platform, ct).ConfigureAwait(false))
        {
            var now = clock.GetUtcNow();
            var free = Iso.Parse(open.NextAttemptAt) <= now || LeaseOwner.IsAbandonedHere(open.LeaseOwner);
            if (!free || open.LeaseOwner == me)
            {
                continue;
            }

            if (open.Batch is null)
            {
                var released = await deliveries.ReleaseUnnamedAsync(Channel, open.LeaseOwner ?? "", now, ct).ConfigureAwait(false);
                logger.LogWarning("Returned {Count} unnamed file deliveries for {Platform} claimed by {PreviousOwner} to the queue", released, platform, open.LeaseOwner);
                continue;
            }

            if (await deliveries.TakeOverBatchAsync(open, me, now + _options.Lease, ct).ConfigureAwait(false) > 0)
            {
                logger.LogWarning("Resuming batch {Batch} for {Platform} left by {PreviousOwner}", open.Batch, platform, open.LeaseOwner ?? "(a failed write)");
                await CompleteAsync(platform, folder, open.Batch, me, report, ct).ConfigureAwait(false);
            }
        }

        // Then new batches until nothing is pending.
        await deliveries.EnqueueAsync(Channel, platform, clock.GetUtcNow(), ct).ConfigureAwait(false);
        while (true)
        {
            var now = clock.GetUtcNow();
            var claimed = await deliveries.ClaimBatchAsync(Channel, platform, now, me, now + _options.Lease, _options.BatchSize, ct).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                return;
            }

            var batch = BatchName(claimed[0].RequestId, claimed[^1].RequestId, settings.FileFormat);
            await deliveries.NameBatchAsync([.. claimed.Select(c => c.Id)], me, batch, ct).ConfigureAwait(false);
            if (!await CompleteAsync(platform, folder, batch, me, report, ct).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Writes the batch's file unless it is already there, then marks its requests sent. False when the write failed.</summary>
    private async Task<bool> CompleteAsync(string platform, string folder, string batch, string owner, DeliveryReport report, CancellationToken ct)
    {
        var path = Path.Combine(folder, batch);
        var requestIds = await deliveries.BatchRequestsAsync(Channel, platform, batch, ct).ConfigureAwait(false);
        var started = clock.GetTimestamp();
        try
        {
            if (File.Exists(path))
            {
                logger.LogWarning("Batch file {File} is already in the outbox (written by a run that stopped before marking it); marking its {Count} requests sent",
                    path, requestIds.Count);
            }
            else
            {
                await WriteAtomicallyAsync(path, FormatOf(batch), requestIds, owner, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var retryAt = clock.GetUtcNow() + _options.BackoffBase;
            await deliveries.DeferBatchAsync(Channel, platform, batch, owner, retryAt, ex.Message, CancellationToken.None).ConfigureAwait(false);
            report.Add(new DeliveryProblem("retrying", platform, Channel, null, 0, $"batch {batch} could not be written ({ex.Message}); next try at {Iso.ToText(retryAt)}"));
            logger.LogError(ex, "Batch file {File} for {Platform} could not be written; retrying at {RetryAt}", path, platform, Iso.ToText(retryAt));
            return false;
        }

        if (AfterWrite is { } afterWrite)
        {
            await afterWrite(path).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        var deadline = takedownOptions.Value.DeadlineFor(platform);
        foreach (var id in requestIds)
        {
            await takedowns.TransitionAsync(id, TakedownEvent.Sent, Actor, batch, now, deadline, ct: CancellationToken.None).ConfigureAwait(false);
        }

        var finished = await deliveries.FinishBatchAsync(Channel, platform, batch, owner, now, clock.GetElapsedTime(started).TotalMilliseconds, CancellationToken.None)
            .ConfigureAwait(false);
        report.CountDelivered(finished);
        logger.LogInformation("Delivered {Count} takedown requests to {Platform} in batch file {File}", finished, platform, path);
        return true;
    }

    private async Task WriteAtomicallyAsync(string path, string format, IReadOnlyList<long> requestIds, string owner, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{owner.Split('/')[^1]}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await TakedownFormats.WriteAsync(stream, format, RequestsAsync(requestIds, ct), korean: true, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node finished the same batch first: same requests, same name, so the file there is the one.
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async IAsyncEnumerable<TakedownRequest> RequestsAsync(IReadOnlyList<long> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var id in ids)
        {
            if (await takedowns.GetAsync(id, ct).ConfigureAwait(false) is { } request)
            {
                yield return request;
            }
        }
    }
}
