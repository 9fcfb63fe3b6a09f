using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScamWatch.Classification;

/// <summary>
/// The JSON card that travels with every saved model (same path, <c>.json</c> instead of <c>.zip</c>).
/// Enough to say later which model scored a post, on what data it was trained and how good it was.
/// </summary>
public sealed record ModelCard
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("sha256")] public string Sha256 { get; init; } = "";
    [JsonPropertyName("trained_at")] public DateTimeOffset TrainedAt { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("training_data")] public TrainingDataInfo TrainingData { get; init; } = new();
    [JsonPropertyName("featurizer")] public FeaturizerSettings Featurizer { get; init; } = new();
    [JsonPropertyName("rules")] public IReadOnlyList<string> Rules { get; init; } = [];
    [JsonPropertyName("calibration")] public PlattCalibration Calibration { get; init; } = new();
    [JsonPropertyName("threshold")] public double Threshold { get; init; }
    [JsonPropertyName("target_precision")] public double TargetPrecision { get; init; }
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    [JsonPropertyName("size_bytes")] public long SizeBytes { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CardPathFor(string modelZipPath) => Path.ChangeExtension(modelZipPath, ".json");

    public static ModelCard Load(string cardPath) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(cardPath), JsonOptions)
        ?? throw new InvalidDataException($"{cardPath}: empty model card");

    public void Save(string cardPath) => File.WriteAllText(cardPath, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

public sealed record TrainingDataInfo
{
    [JsonPropertyName("files")] public IReadOnlyList<string> Files { get; init; } = [];
    [JsonPropertyName("sha256")] public string Sha256 { get; init; } = "";
    [JsonPropertyName("examples")] public int Examples { get; init; }
    [JsonPropertyName("positives")] public int Positives { get; init; }

    /// <summary>How many examples came from reviewer decisions (0 for corpus-only training).</summary>
    [JsonPropertyName("reviewed_examples")] public int ReviewedExamples { get; init; }

    /// <summary>The dataset snapshot folder trained on, when training used one.</summary>
    [JsonPropertyName("snapshot")] public string? Snapshot { get; init; }
}

public sealed record FeaturizerSettings
{
    [JsonPropertyName("normalizer")] public string Normalizer { get; init; } = "scamwatch-v1";
    [JsonPropertyName("char_ngrams")] public int CharNgrams { get; init; }
    [JsonPropertyName("word_ngrams")] public int WordNgrams { get; init; }
    [JsonPropertyName("weighting")] public string Weighting { get; init; } = "";
    [JsonPropertyName("trainer")] public string Trainer { get; init; } = "";
    [JsonPropertyName("l1")] public float L1 { get; init; }
    [JsonPropertyName("l2")] public float L2 { get; init; }
    [JsonPropertyName("class_weight_positive")] public float ClassWeightPositive { get; init; }
}

/// <summary>p = 1 / (1 + exp(-(A·margin + B))), fitted on out-of-fold margins.</summary>
public sealed record PlattCalibration
{
    [JsonPropertyName("a")] public double A { get; init; } = 1;
    [JsonPropertyName("b")] public double B { get; init; }

    public double Apply(double margin) => 1.0 / (1.0 + Math.Exp(-(A * margin + B)));
}
