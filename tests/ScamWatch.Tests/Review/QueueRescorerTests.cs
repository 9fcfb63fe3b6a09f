using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Classification;
using ScamWatch.Demo;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Review;
using ScamWatch.Storage;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Review;

public sealed class QueueRescorerTests : IAsyncLifetime
{
    private readonly ModelFolder _models = new();
    private readonly TempDir _dir = new();
    private ServiceProvider _services = null!;
    private Classifier _classifier = null!;
    private QueueRescorer _rescorer = null!;
    private ReviewQueue _queue = null!;

    public async Task InitializeAsync()
    {
        var settings = TestHost.Sqlite(_dir.File("t.db"));
        settings["Classifier:ModelsPath"] = _models.Path;
        _services = await TestHost.MigratedAsync(settings);
        _classifier = _services.GetRequiredService<Classifier>();
        _rescorer = _services.GetRequiredService<QueueRescorer>();
        _queue = _services.GetRequiredService<ReviewQueue>();
        var ingestor = _services.GetRequiredService<PostIngestor>();
        foreach (var p in DemoBoard.LoadEmbedded())
        {
            await ingestor.IngestAsync("albaplus", new ExtractedPost
            {
                SitePostId = p.No.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Url = "https://albaplus.example/" + p.No,
                Title = p.Title,
                Body = p.Body,
                Company = p.Company,
                Location = p.Region,
                Salary = p.Pay,
                EmploymentType = p.EmploymentType,
                Contact = p.Contact,
            }, null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task RescoreAsync_AfterSwap_UpdatesEveryUndecidedItemKeepsThemAllAndRecordsEachChange()
    {
        var before = await OpenItemsAsync();
        Assert.True(before.Count >= 5, $"the demo board queued only {before.Count} items");
        var decided = before[0];
        Assert.True((await _queue.DecideAsync(decided.Id, "kim", DecisionKind.Reject, "not-a-lure", null, DateTimeOffset.UnixEpoch)).Accepted);
        var escalated = before[1];
        Assert.True((await _queue.DecideAsync(escalated.Id, "kim", DecisionKind.Escalate, null, null, DateTimeOffset.UnixEpoch)).Accepted);
        _models.Promote(ModelFolder.B);
        Assert.True((await _classifier.ReloadPromotedAsync()).Swapped);
        var b = _classifier.Current;

        var run = await _rescorer.RescoreAsync(b, batchSize: 3);

        Assert.Equal(before.Count - 1, run.Rescored);
        Assert.Equal(0, run.Skipped);
        Assert.True(run.NowBelow > 0, "model B scores lower; some items should now be below its threshold");
        Assert.Equal(0, await _rescorer.PendingAsync(b.Version));
        var after = (await OpenItemsAsync()).Concat(await _queue.ListAsync(new QueueQuery { Status = ReviewStatus.Escalated, Limit = 1000 })).ToList();
        Assert.Equal(before.Count - 1, after.Count);
        foreach (var item in after)
        {
            Assert.Equal(b.Version, item.ModelVersion);
            var version = await PostTextAsync(item.PostVersionId);
            Assert.Equal(b.Classify(version).Score, item.Score);
            var change = Assert.Single(await _rescorer.ChangesAsync(item.Id));
            var old = before.Single(i => i.Id == item.Id);
            Assert.Equal((_models.A, b.Version, old.Score, item.Score), (change.OldModel, change.NewModel, change.OldScore, change.NewScore));
            Assert.Equal(RescoreEffect.For(old.Score, old.Threshold, item.Score, item.Threshold).Kind, change.Effect);
        }

        Assert.Empty(await _rescorer.ChangesAsync(decided.Id));
        Assert.Equal(_models.A, (await _queue.GetAsync(decided.Id))!.ModelVersion);
        await using var connection = await _services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(after.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM classifications WHERE model_version = @v", new { v = b.Version }));
    }

    [Fact]
    public async Task RescoreAsync_CancelledAfterABatch_NextPassResumesWithTheRestOnly()
    {
        var before = await OpenItemsAsync();
        _models.Promote(ModelFolder.B);
        Assert.True((await _classifier.ReloadPromotedAsync()).Swapped);
        var b = _classifier.Current;
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _rescorer.RescoreAsync(b, batchSize: 2, _ => cts.Cancel(), cts.Token));

        Assert.Equal(before.Count - 2, await _rescorer.PendingAsync(b.Version));
        var run = await _rescorer.RescoreAsync(b, batchSize: 2);
        Assert.Equal(before.Count - 2, run.Rescored);
        Assert.Equal(0, await _rescorer.PendingAsync(b.Version));
        foreach (var item in await OpenItemsAsync())
        {
            Assert.Single(await _rescorer.ChangesAsync(item.Id));
        }

        Assert.Equal(0, (await _rescorer.RescoreAsync(b, batchSize: 2)).Rescored);
    }

    private async Task<List<ReviewItem>> OpenItemsAsync() => [.. await _queue.ListAsync(new QueueQuery { Limit = 1000 })];

    private async Task<PostText> PostTextAsync(long versionId)
    {
        await using var connection = await _services.GetRequiredService<Database>().OpenAsync();
        var v = await connection.QuerySingleAsync<(string? Title, string? Body, string? Company, string? Location, string? Salary, string? EmploymentType, string? Contact)>(
            "SELECT title, body, company, location, salary, employment_type, contact FROM post_versions WHERE id = @versionId", new { versionId });
        return PostText.From(v.Title, v.Body, v.Company, v.Location, v.Salary, v.EmploymentType, v.Contact);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _models.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
