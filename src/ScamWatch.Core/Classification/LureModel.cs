using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ScamWatch.Classification;

/// <summary>
/// One loaded model version. Thread-safe: predictions go through a pool of engines (a PredictionEngine is not
/// thread-safe), and every verdict names this version, so a response is scored by exactly one model.
/// </summary>
public sealed class LureModel
{
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;
    private readonly float[] _weights;
    private readonly string[] _termNames;
    private readonly int _textSlots;
    private readonly int _topTerms;

    private LureModel(ModelCard card, string path, MLContext ml, ITransformer transformer, int topTerms, double? thresholdOverride)
    {
        Card = card;
        Path = path;
        Transformer = transformer;
        _topTerms = topTerms;
        Threshold = thresholdOverride ?? card.Threshold;

        var inputSchema = ModelInput.Schema(card.Rules.Count);
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>(), inputSchema);
        var outSchema = transformer.GetOutputSchema(empty.Schema);
        var textColumn = outSchema["TextFeatures"];
        _textSlots = ((VectorDataViewType)textColumn.Type).Size;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        textColumn.GetSlotNames(ref names);
        _termNames = new string[_textSlots];
        var dense = names.DenseValues().ToArray();
        for (var i = 0; i < _textSlots; i++)
        {
            _termNames[i] = i < dense.Length ? NgramText.Readable(dense[i].ToString()) : $"slot {i}";
        }

        _weights = ExtractWeights(transformer);
        _engines = new DefaultObjectPool<PredictionEngine<ModelInput, ModelOutput>>(
            new EnginePolicy(ml, transformer, inputSchema), Math.Max(4, Environment.ProcessorCount * 2));
    }

    public ModelCard Card { get; }

    public string Path { get; }

    public string Version => Card.Version;

    public double Threshold { get; }

    public ITransformer Transformer { get; }

    public static LureModel Load(string zipPath, int topTerms = 6, double? thresholdOverride = null)
    {
        var cardPath = ModelCard.CardPathFor(zipPath);
        if (!File.Exists(zipPath))
        {
            throw new FileNotFoundException($"model file not found: {zipPath}", zipPath);
        }

        if (!File.Exists(cardPath))
        {
            throw new FileNotFoundException($"model card not found beside the model: {cardPath}", cardPath);
        }

        var card = ModelCard.Load(cardPath);
        var ml = new MLContext(seed: card.Seed);
        using var stream = File.OpenRead(zipPath);
        var transformer = ml.Model.Load(stream, out _);
        return new LureModel(card, zipPath, ml, transformer, topTerms, thresholdOverride);
    }

    public Verdict Classify(PostText post)
    {
        var hits = RedFlagRules.Evaluate(post);
        var input = ModelInput.From(post, Card.Rules, hits);
        var engine = _engines.Get();
        ModelOutput output;
        try
        {
            output = engine.Predict(input);
        }
        finally
        {
            _engines.Return(engine);
        }

        var score = Card.Calibration.Apply(output.Score);
        var flagged = score >= Threshold;
        return new Verdict(Math.Round(score, 4), flagged, Threshold, Version, Explain(hits, output.Features));
    }

    private List<Reason> Explain(IReadOnlyList<RuleHit> hits, VBuffer<float> features)
    {
        var reasons = new List<Reason>();
        foreach (var hit in hits)
        {
            var index = IndexOf(Card.Rules, hit.Name);
            var contribution = index >= 0 && _textSlots + index < _weights.Length ? _weights[_textSlots + index] : hit.Weight;
            reasons.Add(new Reason("rule", hit.Name, Math.Round(contribution, 3), hit.Text) { Start = hit.Start, Length = hit.Length });
        }

        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        var indices = features.GetIndices();
        var values = features.GetValues();
        var isDense = features.IsDense;
        var count = isDense ? values.Length : indices.Length;
        for (var k = 0; k < count; k++)
        {
            var slot = isDense ? k : indices[k];
            if (slot >= _textSlots || slot >= _weights.Length || values[k] == 0)
            {
                continue;
            }

            var name = _termNames[slot];
            if (!NgramText.IsReadable(name))
            {
                continue;
            }

            var contribution = _weights[slot] * values[k];
            terms[name] = terms.GetValueOrDefault(name) + contribution;
        }

        var positive = terms.Where(t => t.Value > 0.005).OrderByDescending(t => t.Value).Take(_topTerms);
        var negative = terms.Where(t => t.Value < -0.005).OrderBy(t => t.Value).Take(Math.Max(1, _topTerms / 2));
        reasons.AddRange(positive.Concat(negative).Select(t => new Reason("term", t.Key, Math.Round(t.Value, 3), t.Key)));

        // Strongest push towards "lure" first, then what argued against it.
        return [.. reasons.Where(r => r.Weight >= 0).OrderByDescending(r => r.Weight)
            .Concat(reasons.Where(r => r.Weight < 0).OrderBy(r => r.Weight))];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static float[] ExtractWeights(ITransformer transformer)
    {
        var last = transformer is TransformerChain<ITransformer> chain ? chain.LastTransformer : transformer;
        var predictor = (last as ISingleFeaturePredictionTransformer<object>)?.Model;
        var linear = predictor switch
        {
            LinearModelParameters l => l,
            CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> c => c.SubModel,
            CalibratedModelParametersBase<LinearBinaryModelParameters, ICalibrator> c => c.SubModel,
            _ => null,
        } ?? throw new InvalidDataException("the model's last step is not a linear classifier; ScamWatch explains only linear models");
        return [.. linear.Weights];
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer, SchemaDefinition inputSchema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, ignoreMissingColumns: true, inputSchemaDefinition: inputSchema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
    }
}
