using Microsoft.Extensions.Logging.Abstractions;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Tests.Support;
using ScamWatch.Training;

namespace ScamWatch.Tests.Training;

public sealed class LureTrainerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<PostRecord> Sample(int take)
    {
        var records = new List<PostRecord>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "training-data", "corpus"), "*.jsonl").Order(StringComparer.Ordinal).Take(3))
        {
            records.AddRange(File.ReadLines(file).Where(l => l.Length > 0).Take(take).Select(l => PostRecordReader.Parse(l, 0, true).Record!));
        }

        return records;
    }

    private LureTrainer.Result Train(List<PostRecord> records, string name, int seed) =>
        new LureTrainer(TimeProvider.System, NullLogger<LureTrainer>.Instance).Train(records, ["sample"], "sha", _dir.File(name), new TrainingOptions { Seed = seed, Folds = 3 });

    [Fact]
    public void Train_SameDataAndSeed_GivesTheSameModelBehaviour()
    {
        var records = Sample(90);
        var a = Train(records, "a.zip", 7);
        var b = Train(records, "b.zip", 7);

        Assert.Equal(a.Card.Threshold, b.Card.Threshold);
        Assert.Equal(a.Card.Calibration, b.Card.Calibration);
        var ma = LureModel.Load(a.ModelPath);
        var mb = LureModel.Load(b.ModelPath);
        foreach (var r in records.Take(40))
        {
            Assert.Equal(ma.Classify(PostText.From(r)).Score, mb.Classify(PostText.From(r)).Score);
        }
    }

    [Fact]
    public void Train_WritesCardWithEverythingNeededLater()
    {
        var result = Train(Sample(60), "m.zip", 1);
        var card = ModelCard.Load(ModelCard.CardPathFor(result.ModelPath));
        Assert.Equal(LureTrainer.Sha256File(result.ModelPath), card.Sha256);
        Assert.Equal("sha", card.TrainingData.Sha256);
        Assert.Equal(RedFlagRules.Names, card.Rules);
        Assert.InRange(card.Threshold, 0, 1);
        Assert.Contains("oof_pr_auc", card.Metrics.Keys);
        Assert.NotEqual(default, card.TrainedAt);
        Assert.Equal(2, card.Featurizer.CharNgrams);
    }

    [Fact]
    public void Train_OneLabelOnly_IsRefusedWithReason()
    {
        var onlyLegit = Sample(60).Where(r => r.Label == "legit").ToList();
        var ex = Assert.Throws<InvalidDataException>(() => Train(onlyLegit, "x.zip", 1));
        Assert.Contains("both labels", ex.Message, StringComparison.Ordinal);
    }
}
