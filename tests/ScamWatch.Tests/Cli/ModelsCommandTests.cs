using System.Text.Json;
using ScamWatch.Tests.Support;
using ScamWatch.Tests.Training.Registry;

namespace ScamWatch.Tests.Cli;

/// <summary><c>models list | show | compare | promote</c> through the real executable, on a copy of the fixture's models folder.</summary>
public sealed class ModelsCommandTests(ModelRegistryFixture fixture) : IClassFixture<ModelRegistryFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<CliProcess.Result> RunAsync(string models, params string[] args) =>
        await CliProcess.RunWithEnvironmentAsync(Repo.Root, null, new Dictionary<string, string> { ["SCAMWATCH_Classifier__ModelsPath"] = models }, args);

    private static string PromotedIn(string models) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(models, "promoted.json"))).RootElement.GetProperty("version").GetString()!;

    [Fact]
    public async Task List_MarksThePromotedVersion_ExitsZero()
    {
        var r = await RunAsync(fixture.CopyModels(_dir), "models", "list");

        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("* " + ModelRegistryFixture.Champion, Assert.Single(lines, l => l.StartsWith('*')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_KnownAndUnknownVersion_ExitZeroAndOne()
    {
        var models = fixture.CopyModels(_dir);
        var known = await RunAsync(models, "models", "show", ModelRegistryFixture.Worse);
        var unknown = await RunAsync(models, "models", "show", "1999-01-01.1");

        Assert.Equal(0, known.ExitCode);
        using var doc = JsonDocument.Parse(known.Stdout);
        Assert.False(doc.RootElement.GetProperty("promoted").GetBoolean());
        Assert.Equal("flipped-sha", doc.RootElement.GetProperty("card").GetProperty("training_data").GetProperty("sha256").GetString());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("1999-01-01.1 not found", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_PrintsMetricsSizeHashAndDisagreements_ExitsZero()
    {
        var r = await RunAsync(fixture.CopyModels(_dir), "models", "compare", ModelRegistryFixture.Champion, ModelRegistryFixture.Worse);

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(330, root.GetProperty("n").GetInt32());
        Assert.True(root.GetProperty("a").GetProperty("metrics").GetProperty("pr_auc").GetDouble() > root.GetProperty("b").GetProperty("metrics").GetProperty("pr_auc").GetDouble());
        Assert.True(root.GetProperty("b").GetProperty("size_bytes").GetInt64() > 0);
        Assert.Equal("flipped-sha", root.GetProperty("b").GetProperty("training_data_sha256").GetString());
        var first = root.GetProperty("disagreements").EnumerateArray().First();
        Assert.False(string.IsNullOrEmpty(first.GetProperty("id").GetString()));
        Assert.True(first.TryGetProperty("score_a", out _) && first.TryGetProperty("score_b", out _) && first.TryGetProperty("label", out _));
    }

    [Fact]
    public async Task Promote_WorseModel_ExitsOneWithReasons_EqualModelExitsZero()
    {
        var models = fixture.CopyModels(_dir);

        var refused = await RunAsync(models, "models", "promote", ModelRegistryFixture.Worse);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"refused {ModelRegistryFixture.Worse}: pr_auc on gold", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("regressed", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(ModelRegistryFixture.Champion, PromotedIn(models));

        var accepted = await RunAsync(models, "models", "promote", ModelRegistryFixture.Equal);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(ModelRegistryFixture.Equal, PromotedIn(models));

        var again = await RunAsync(models, "models", "promote", ModelRegistryFixture.Equal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already the promoted model", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_Force_PromotesTheRefusedModel_ExitsZero()
    {
        var models = fixture.CopyModels(_dir);
        var r = await RunAsync(models, "models", "promote", ModelRegistryFixture.Worse, "--force");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.True(doc.RootElement.GetProperty("forced").GetBoolean());
        Assert.False(doc.RootElement.GetProperty("gate_passed").GetBoolean());
        Assert.Equal(ModelRegistryFixture.Worse, PromotedIn(models));
    }

    [Fact]
    public async Task Promote_MissingArgumentOrBadGateConfig_ExitsTwo()
    {
        var models = fixture.CopyModels(_dir);
        Assert.Equal(2, (await RunAsync(models, "models", "promote")).ExitCode);
        var badMetric = await CliProcess.RunWithEnvironmentAsync(Repo.Root, null,
            new Dictionary<string, string> { ["SCAMWATCH_Classifier__ModelsPath"] = models, ["SCAMWATCH_Training__Gate__Metric"] = "accuracy" },
            "models", "promote", ModelRegistryFixture.Equal);
        Assert.Equal(2, badMetric.ExitCode);
        Assert.Contains("invalid configuration", badMetric.Stderr, StringComparison.Ordinal);
    }
}
