using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;

namespace ScamWatch.Review;

/// <summary>
/// Runs <see cref="QueueRescorer"/> in the background: at start (resuming a pass a stopped process left unfinished),
/// after every model swap, and on the promoted-check interval (catching an item a crawl queued with the model it took
/// just before a swap). Stopping the host cancels between batches; nothing is lost.
/// </summary>
public sealed class QueueRescoreService(Classifier classifier, QueueRescorer rescorer, IOptions<ClassifierOptions> options, TimeProvider clock,
    ILogger<QueueRescoreService> logger) : BackgroundService
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes each pass (tests and the analyst page wait on it).</summary>
    public event Action<RescoreRun>? Completed;

    public void Signal() => _signals.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnSwap(LureModel _) => Signal();
        classifier.Swapped += OnSwap;
        var interval = options.Value.PromotedCheckInterval;
        await using var timer = clock.CreateTimer(_ => Signal(), null, interval, interval);
        try
        {
            Signal();
            while (await _signals.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _signals.Reader.TryRead(out _);
                try
                {
                    // Taken once per pass: a swap during the pass signals another pass with the newer model.
                    var model = classifier.Current;
                    var run = await rescorer.RescoreAsync(model, options.Value.RescoreBatchSize, ct: stoppingToken).ConfigureAwait(false);
                    Completed?.Invoke(run);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Rescoring the open queue failed; the next swap or check retries");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            classifier.Swapped -= OnSwap;
        }
    }
}
