using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamWatch.Classification;

/// <summary>
/// The model in service. Loaded once from the promoted version; <see cref="ReloadPromotedAsync"/> (or <see cref="Swap"/>)
/// replaces it atomically. A caller takes <see cref="Current"/> once per post or request and scores only with that
/// reference, so one response is never scored by two versions. An old model is never disposed: callers still holding
/// it finish with it and the garbage collector takes it (with its engine pool) once nobody does.
/// </summary>
public sealed class Classifier(ModelStore store, IOptions<ClassifierOptions> options, ILogger<Classifier> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private LureModel? _current;

    /// <summary>Raised after a new model went into service (on the thread that swapped it).</summary>
    public event Action<LureModel>? Swapped;

    /// <summary>Raised after every <see cref="ReloadPromotedAsync"/> with its outcome (refusals included).</summary>
    public event Action<ModelReload>? Reloaded;

    public LureModel Current
    {
        get
        {
            var model = Volatile.Read(ref _current);
            if (model is not null)
            {
                return model;
            }

            lock (_gate)
            {
                _current ??= LoadFrom(store.PromotedModelPath());
                return _current;
            }
        }
    }

    public LureModel LoadFrom(string zipPath)
    {
        var model = LureModel.Load(zipPath, options.Value.TopTerms, options.Value.ThresholdOverride);
        logger.LogInformation("Loaded model {ModelVersion} from {ModelPath} with threshold {Threshold}", model.Version, zipPath, model.Threshold);
        return model;
    }

    public void Swap(LureModel model)
    {
        var old = Interlocked.Exchange(ref _current, model);
        logger.LogInformation("Model in service is now {ModelVersion} (was {PreviousVersion})", model.Version, old?.Version);
        Swapped?.Invoke(model);
    }

    /// <summary>
    /// Reads <c>promoted.json</c> and, when it names a version other than the one serving, loads and swaps it in.
    /// A version that fails to load is refused with its reason and the current one keeps serving. Reloads run one at a
    /// time, so a burst of file events loads a model once.
    /// </summary>
    public async Task<ModelReload> ReloadPromotedAsync(CancellationToken ct = default)
    {
        var reload = await ReloadAsync(ct).ConfigureAwait(false);
        Reloaded?.Invoke(reload);
        return reload;
    }

    private async Task<ModelReload> ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var serving = Current;
            string? promoted;
            try
            {
                promoted = store.PromotedVersion();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                return Refuse(serving, null, $"cannot read {store.PromotedFile}: {e.Message}");
            }

            if (promoted is null)
            {
                return Refuse(serving, null, $"{store.PromotedFile} is missing or names no version");
            }

            if (promoted == serving.Version)
            {
                logger.LogDebug("Promoted model {PromotedVersion} is already serving", promoted);
                return new ModelReload(ModelReloadOutcome.Unchanged, serving.Version, promoted, "the promoted version is already serving");
            }

            LureModel next;
            try
            {
                // Loading takes a while (ML.NET reads the zip); do it off the caller's thread so a request never waits on it.
                next = await Task.Run(() => LoadFrom(store.PathFor(promoted)), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Refuse(serving, promoted, $"model {promoted} failed to load: {e.GetType().Name}: {e.Message}");
            }

            if (next.Version != promoted)
            {
                return Refuse(serving, promoted, $"model {promoted}'s card names version {next.Version}");
            }

            Swap(next);
            return new ModelReload(ModelReloadOutcome.Swapped, next.Version, promoted, $"promoted {promoted} replaced {serving.Version}");
        }
        finally
        {
            _reload.Release();
        }
    }

    public Verdict Classify(PostText post) => Current.Classify(post);

    public void Dispose() => _reload.Dispose();

    private ModelReload Refuse(LureModel serving, string? promoted, string reason)
    {
        logger.LogWarning("Refused promoted model {PromotedVersion}: {Reason}; {ModelVersion} keeps serving", promoted, reason, serving.Version);
        return new ModelReload(ModelReloadOutcome.Refused, serving.Version, promoted, reason);
    }
}
