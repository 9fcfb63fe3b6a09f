using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamWatch.Classification;

/// <summary>
/// The model in service. Loaded once from the promoted version; <see cref="Swap"/> replaces it atomically, and a
/// caller that took <see cref="Current"/> keeps scoring with that one version.
/// </summary>
public sealed class Classifier(ModelStore store, IOptions<ClassifierOptions> options, ILogger<Classifier> logger)
{
    private readonly Lock _gate = new();
    private LureModel? _current;

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
    }

    public Verdict Classify(PostText post) => Current.Classify(post);
}
