using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Tests.Support;
using ScamWatch.Training;

namespace ScamWatch.Tests.Training.Registry;

/// <summary>
/// A models folder with the shipped model as champion, a copy of it under a new version (equal), and a model trained
/// on a small label-flipped sample (deliberately worse). Trained once for the class; a few hundred posts, seconds.
/// </summary>
public sealed class ModelRegistryFixture : IDisposable
{
    public const string Champion = "2026-11-25.2";
    public const string Equal = "2099-01-01.2";
    public const string Worse = "2099-01-01.1";

    private readonly TempDir _dir = new();

    public ModelRegistryFixture()
    {
        Directory.CreateDirectory(ModelsPath);
        File.Copy(Path.Combine(Repo.Models, Champion + ".zip"), Path.Combine(ModelsPath, Champion + ".zip"));
        File.Copy(Path.Combine(Repo.Models, Champion + ".json"), Path.Combine(ModelsPath, Champion + ".json"));
        File.WriteAllText(Path.Combine(ModelsPath, "promoted.json"), $"{{\"version\":\"{Champion}\"}}\n");

        File.Copy(Path.Combine(Repo.Models, Champion + ".zip"), Path.Combine(ModelsPath, Equal + ".zip"));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Models, Champion + ".json")))!.AsObject();
        card["version"] = Equal;
        card["trained_at"] = "2099-01-01T00:00:00+00:00";
        File.WriteAllText(Path.Combine(ModelsPath, Equal + ".json"), card.ToJsonString());

        var flipped = Sample(90).Select(r => r with { Label = r.Label == "lure" ? "legit" : "lure" }).ToList();
        var clock = new FakeTimeProvider(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        new LureTrainer(clock, NullLogger<LureTrainer>.Instance)
            .Train(flipped, ["flipped"], "flipped-sha", Path.Combine(ModelsPath, Worse + ".zip"), new TrainingOptions { Folds = 3 });
        Gold = GoldSet.Load(Path.Combine(Repo.Root, "training-data", "gold", "gold.jsonl"));
    }

    public string ModelsPath => _dir.File("models");

    public GoldSet Gold { get; }

    public static List<PostRecord> Sample(int take)
    {
        var records = new List<PostRecord>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "training-data", "corpus"), "*.jsonl").Order(StringComparer.Ordinal).Take(3))
        {
            records.AddRange(File.ReadLines(file).Where(l => l.Length > 0).Take(take).Select(l => PostRecordReader.Parse(l, 0, true).Record!));
        }

        return records;
    }

    /// <summary>A fresh copy of the models folder, so promotions in one test do not leak into another.</summary>
    public string CopyModels(TempDir into)
    {
        var target = into.File("models");
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(ModelsPath))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        }

        return target;
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class ModelRegistryTests(ModelRegistryFixture fixture) : IClassFixture<ModelRegistryFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ModelRegistry Registry(out string models, PromotionGateOptions? gate = null)
    {
        models = fixture.CopyModels(_dir);
        var store = new ModelStore(Options.Create(new ClassifierOptions { ModelsPath = models }));
        return new ModelRegistry(store, Options.Create(gate ?? new PromotionGateOptions()), new FakeTimeProvider(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<ModelRegistry>.Instance);
    }

    private static string PromotedIn(string models) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(models, "promoted.json"))).RootElement.GetProperty("version").GetString()!;

    [Fact]
    public void List_ShowsEveryVersionAndMarksThePromotedOne()
    {
        var entries = Registry(out _).List();

        Assert.Equal(3, entries.Count);
        Assert.Equal(ModelRegistryFixture.Champion, Assert.Single(entries, e => e.Promoted).Card.Version);
    }

    [Fact]
    public void Promote_LabelFlippedModel_IsRefusedWithReasonsAndPromotedFileUntouched()
    {
        var registry = Registry(out var models);
        var result = registry.Promote(ModelRegistryFixture.Worse, fixture.Gold, force: false);

        Assert.False(result.Promoted);
        Assert.Contains(result.Decision.Reasons, r => r.StartsWith("pr_auc on gold (330 posts): challenger worse", StringComparison.Ordinal));
        Assert.Contains(result.Decision.Reasons, r => r.StartsWith("rule ", StringComparison.Ordinal) && r.EndsWith("regressed", StringComparison.Ordinal));
        Assert.Equal(ModelRegistryFixture.Champion, PromotedIn(models));
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("pr_auc")]
    [InlineData("recall_at_precision")]
    public void Promote_EqualModel_PassesTheGateAndRewritesPromotedAtomically(string metric)
    {
        var registry = Registry(out var models, new PromotionGateOptions { Metric = metric });
        var result = registry.Promote(ModelRegistryFixture.Equal, fixture.Gold, force: false);

        Assert.True(result.Promoted, string.Join("; ", result.Decision.Reasons));
        Assert.False(result.Forced);
        Assert.Equal(ModelRegistryFixture.Champion, result.Previous);
        Assert.Equal(ModelRegistryFixture.Equal, PromotedIn(models));
        Assert.False(File.Exists(Path.Combine(models, "promoted.json.tmp")));
    }

    [Fact]
    public void Promote_Forced_PromotesAndKeepsTheGateReasons()
    {
        var registry = Registry(out var models);
        var result = registry.Promote(ModelRegistryFixture.Worse, fixture.Gold, force: true);

        Assert.True(result.Promoted);
        Assert.True(result.Forced);
        Assert.False(result.Decision.Promote);
        Assert.Equal(ModelRegistryFixture.Worse, PromotedIn(models));
    }

    [Fact]
    public void Compare_ListsDisagreementsWithBothScoresAndLabel()
    {
        var c = Registry(out _).Compare(ModelRegistryFixture.Champion, ModelRegistryFixture.Worse, fixture.Gold);

        Assert.Equal(330, c.N);
        Assert.True(c.A.Promoted);
        Assert.Equal("flipped-sha", c.B.TrainingDataSha256);
        Assert.True(c.A.Metrics.PrAuc > c.B.Metrics.PrAuc);
        Assert.NotEmpty(c.Disagreements);
        foreach (var d in c.Disagreements)
        {
            Assert.NotEqual(d.ScoreA >= c.A.Metrics.Threshold, d.ScoreB >= c.B.Metrics.Threshold);
            Assert.True(d.Label is "lure" or "legit");
        }
    }

    [Fact]
    public void Compare_SameModelTwice_HasNoDisagreements()
    {
        var c = Registry(out _).Compare(ModelRegistryFixture.Champion, ModelRegistryFixture.Equal, fixture.Gold);
        Assert.Empty(c.Disagreements);
        Assert.Equal(c.A.Metrics, c.B.Metrics);
    }

    [Fact]
    public void NextVersion_FollowsTheHighestOfTheDay_NotTheFirstGap()
    {
        // The fixture's folder holds 2099-01-01.1 and .2; a gap below them must not be reused.
        var registry = Registry(out var models);
        File.Delete(Path.Combine(models, ModelRegistryFixture.Worse + ".zip"));
        File.Delete(Path.Combine(models, ModelRegistryFixture.Worse + ".json"));

        Assert.Equal("2099-01-01.3", registry.NextVersion());
    }
}
