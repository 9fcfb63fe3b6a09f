using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamWatch.Classification;

/// <summary>
/// Swaps in a newly promoted model while <c>serve</c>/<c>demo</c> run: a file-system watcher on the models folder
/// reacts to <c>promoted.json</c> being written or renamed into place, and a periodic re-read covers lost events.
/// Signals are debounced and coalesced; the reload itself (and its refusal of a broken model) is
/// <see cref="Classifier.ReloadPromotedAsync"/>.
/// </summary>
public sealed class PromotedModelWatcher(Classifier classifier, ModelStore store, IOptions<ClassifierOptions> options, TimeProvider clock,
    ILogger<PromotedModelWatcher> logger) : BackgroundService
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a (debounced) reload; safe from any thread.</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var watcher = CreateWatcher();
        await using var timer = clock.CreateTimer(_ => Signal(), null, o.PromotedCheckInterval, o.PromotedCheckInterval);

        // A promotion between the first model load and the watch starting would otherwise wait for the periodic check.
        Signal();
        try
        {
            while (await _signals.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _signals.Reader.TryRead(out _);
                if (o.ReloadDebounce > TimeSpan.Zero)
                {
                    await Task.Delay(o.ReloadDebounce, clock, stoppingToken).ConfigureAwait(false);
                }

                // Events that arrived during the quiet time are served by this reload.
                _signals.Reader.TryRead(out _);
                try
                {
                    await classifier.ReloadPromotedAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Checking the promoted model in {ModelsPath} failed", store.ModelsPath);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private FileSystemWatcher? CreateWatcher()
    {
        try
        {
            // No filter: a temp-then-rename promotion shows up as a rename whose new name is promoted.json.
            var watcher = new FileSystemWatcher(store.ModelsPath) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler onChange = (_, e) => OnEvent(e.Name);
            watcher.Changed += onChange;
            watcher.Created += onChange;
            watcher.Renamed += (_, e) => OnEvent(e.Name);
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "Watching {ModelsPath} failed; the periodic check still runs", store.ModelsPath);
                Signal();
            };
            watcher.EnableRaisingEvents = true;
            logger.LogInformation("Watching {PromotedFile} for promotions (and re-reading it every {Interval})", store.PromotedFile, options.Value.PromotedCheckInterval);
            return watcher;
        }
        catch (Exception e) when (e is ArgumentException or IOException or PlatformNotSupportedException)
        {
            logger.LogWarning(e, "Cannot watch {ModelsPath}; promotions are picked up by the periodic check every {Interval}", store.ModelsPath, options.Value.PromotedCheckInterval);
            return null;
        }
    }

    private void OnEvent(string? name)
    {
        // The temp file a promotion writes before renaming counts too: on Linux the rename's event can arrive late
        // (seen in `bench swap`: one rename noticed only by the periodic check), the temp file's write does not, and the
        // debounce lets the rename land before the reload reads promoted.json.
        var promoted = Path.GetFileNameWithoutExtension(store.PromotedFile);
        if (name is not null && name.Contains(promoted, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogDebug("File event on {FileName}: checking the promoted model", name);
            Signal();
        }
    }
}
