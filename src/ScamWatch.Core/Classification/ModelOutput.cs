using Microsoft.ML.Data;

namespace ScamWatch.Classification;

/// <summary>What the pipeline produces per post: the linear margin and the feature vector it was computed from.</summary>
public sealed class ModelOutput
{
    /// <summary>Raw margin (w·x + b) before the card's calibration.</summary>
    public float Score { get; set; }

    public VBuffer<float> Features { get; set; }
}
