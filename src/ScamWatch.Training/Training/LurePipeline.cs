using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using ScamWatch.Classification;

namespace ScamWatch.Training;

/// <summary>The one pipeline definition: normalised text to character and word n-grams, plus rule features, into a logistic regression.</summary>
public static class LurePipeline
{
    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, TrainingOptions options)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            CharFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.CharNgrams,
                UseAllLengths = true,
                Weighting = Weighting(options),
                MaximumNgramsCount = [200_000],
            },
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.WordNgrams,
                UseAllLengths = true,
                Weighting = Weighting(options),
                MaximumNgramsCount = [100_000],
            },
        };

        return ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(ModelInput.Text))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(ModelInput.Rules)))
            // The optimizer passes over the data many times; featurise once, not on every pass.
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(ModelInput.Label),
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(ModelInput.Weight),
                L1Regularization = options.L1,
                L2Regularization = options.L2,
                NumberOfThreads = 1,
                EnforceNonNegativity = false,
            }));
    }

    private static NgramExtractingEstimator.WeightingCriteria Weighting(TrainingOptions options) =>
        Enum.Parse<NgramExtractingEstimator.WeightingCriteria>(options.Weighting);

    public static FeaturizerSettings Describe(TrainingOptions options, float positiveWeight) => new()
    {
        CharNgrams = options.CharNgrams,
        WordNgrams = options.WordNgrams,
        Weighting = options.Weighting + ", L2-normalised",
        Trainer = "L-BFGS logistic regression (single-threaded), Platt-calibrated on out-of-fold margins",
        L1 = options.L1,
        L2 = options.L2,
        ClassWeightPositive = positiveWeight,
    };
}
