using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScamWatch.Classification;

/// <summary>What the ML.NET pipeline reads: normalised text and one value per red-flag rule.</summary>
public sealed class ModelInput
{
    public string Text { get; set; } = "";

    /// <summary>Rule features in the order of the model card's rule names (size fixed per model by <see cref="Schema"/>).</summary>
    public float[] Rules { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;

    /// <summary>The schema with the rule vector's size fixed, as ML.NET needs it for concatenation.</summary>
    public static SchemaDefinition Schema(int ruleCount)
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(Rules)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ruleCount);
        return schema;
    }

    public static ModelInput From(PostText post, IReadOnlyList<string> ruleNames, IReadOnlyList<RuleHit> hits, bool label = false, float weight = 1f)
    {
        var rules = new float[ruleNames.Count];
        for (var i = 0; i < ruleNames.Count; i++)
        {
            foreach (var hit in hits)
            {
                if (hit.Name == ruleNames[i])
                {
                    rules[i] = 1f;
                    break;
                }
            }
        }

        return new ModelInput { Text = post.Normalized, Rules = rules, Label = label, Weight = weight };
    }

    /// <summary>Shared helper: the schema-typed data view over inputs.</summary>
    public static IDataView ToDataView(MLContext ml, IEnumerable<ModelInput> inputs, int ruleCount) =>
        ml.Data.LoadFromEnumerable(inputs, Schema(ruleCount));
}
