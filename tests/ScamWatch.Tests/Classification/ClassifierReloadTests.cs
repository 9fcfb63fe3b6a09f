using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Classification;
using ScamWatch.Demo;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Classification;

public sealed class ClassifierReloadTests : IDisposable
{
    private readonly ModelFolder _models = new();
    private readonly TempDir _dir = new();
    private readonly ServiceProvider _services;
    private readonly Classifier _classifier;

    public ClassifierReloadTests()
    {
        var settings = TestHost.Sqlite(_dir.File("t.db"));
        settings["Classifier:ModelsPath"] = _models.Path;
        _services = TestHost.Create(settings);
        _classifier = _services.GetRequiredService<Classifier>();
    }

    [Fact]
    public async Task ReloadPromotedAsync_WhileClassifyingConcurrently_EveryVerdictComesWhollyFromOneVersion()
    {
        var texts = DemoBoard.LoadEmbedded().Take(40).Select(p => PostText.From(p.Title, p.Body, p.Company, p.Region, p.Pay, p.EmploymentType, p.Contact)).ToArray();
        var a = _classifier.LoadFrom(_models.ZipOf(_models.A));
        var b = _classifier.LoadFrom(_models.ZipOf(ModelFolder.B));
        var expected = new Dictionary<string, Verdict[]>
        {
            [_models.A] = [.. texts.Select(a.Classify)],
            [ModelFolder.B] = [.. texts.Select(b.Classify)],
        };
        Assert.NotEqual(expected[_models.A].Select(v => v.Score), expected[ModelFolder.B].Select(v => v.Score));
        Assert.Equal(_models.A, _classifier.Current.Version);

        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested || n < texts.Length)
            {
                var i = (n + w) % texts.Length;
                var verdict = _classifier.Current.Classify(texts[i]);
                var own = expected[verdict.Model][i];
                Assert.Equal(own.Score, verdict.Score);
                Assert.Equal(own.Threshold, verdict.Threshold);
                Assert.Equal(own.Reasons, verdict.Reasons);
                seen.AddOrUpdate(verdict.Model, 1, (_, c) => c + 1);
                n++;
            }

            return n;
        })).ToArray();

        for (var k = 0; k < 6; k++)
        {
            var next = k % 2 == 0 ? ModelFolder.B : _models.A;
            _models.Promote(next);
            var reload = await _classifier.ReloadPromotedAsync();
            Assert.True(reload.Swapped, reload.Reason);
            Assert.Equal(next, _classifier.Current.Version);
        }

        await stop.CancelAsync();
        var counts = await Task.WhenAll(workers);
        Assert.All(counts, c => Assert.True(c >= texts.Length));
        Assert.Contains(_models.A, seen.Keys);
        Assert.Contains(ModelFolder.B, seen.Keys);
    }

    [Theory]
    [InlineData("corrupt zip")]
    [InlineData("missing zip")]
    [InlineData("missing card")]
    [InlineData("card names another version")]
    [InlineData("promoted.json not JSON")]
    [InlineData("promoted.json without version")]
    public async Task ReloadPromotedAsync_UnloadableModel_RefusedWithReasonAndOldKeepsServing(string fault)
    {
        var before = _classifier.Current;
        switch (fault)
        {
            case "corrupt zip":
                _models.Promote(ModelFolder.Broken);
                break;
            case "missing zip":
                _models.Promote("no-such-version");
                break;
            case "missing card":
                File.Delete(ModelCard.CardPathFor(_models.ZipOf(ModelFolder.B)));
                _models.Promote(ModelFolder.B);
                break;
            case "card names another version":
                File.Copy(_models.ZipOf(ModelFolder.B), _models.ZipOf("renamed"));
                File.Copy(ModelCard.CardPathFor(_models.ZipOf(ModelFolder.B)), ModelCard.CardPathFor(_models.ZipOf("renamed")));
                _models.Promote("renamed");
                break;
            case "promoted.json not JSON":
                _models.WritePromoted("{\"version\": ");
                break;
            default:
                _models.WritePromoted("{}");
                break;
        }

        var reload = await _classifier.ReloadPromotedAsync();

        Assert.Equal(ModelReloadOutcome.Refused, reload.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(reload.Reason));
        Assert.Same(before, _classifier.Current);
        Assert.Equal(before.Version, reload.ServingVersion);
        Assert.Equal(before.Version, _classifier.Classify(PostText.From("해외 고수익 보장", "숙식 제공 텔레그램 문의")).Model);
    }

    [Fact]
    public async Task ReloadPromotedAsync_SameVersion_UnchangedAndNoSwapEvent()
    {
        var before = _classifier.Current;
        var swaps = 0;
        _classifier.Swapped += _ => swaps++;

        var reload = await _classifier.ReloadPromotedAsync();

        Assert.Equal(ModelReloadOutcome.Unchanged, reload.Outcome);
        Assert.Same(before, _classifier.Current);
        Assert.Equal(0, swaps);
    }

    public void Dispose()
    {
        _services.Dispose();
        _models.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
