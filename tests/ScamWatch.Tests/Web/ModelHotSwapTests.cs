using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Classification;
using ScamWatch.Review;
using ScamWatch.Storage;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>The served app (serve/demo host) picks up promotions through its watcher, with no call from the test.</summary>
public sealed class ModelHotSwapTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ModelFolder _models = new();
    private ReviewApp _app = null!;

    public async Task InitializeAsync() =>
        // The periodic check is an hour away: a pick-up within the test comes from the file-system watcher.
        _app = await ReviewApp.StartAsync(new Dictionary<string, string?>
        {
            ["Classifier:ModelsPath"] = _models.Path,
            ["Classifier:PromotedCheckInterval"] = "01:00:00",
        });

    [Fact]
    public async Task Promotion_WhileServing_SwappedWithoutRestartQueueRescoredAndNextCrawlScoredByNewVersion()
    {
        var services = _app.App.Services;
        var classifier = services.GetRequiredService<Classifier>();
        await _app.CrawlAsync();
        var queue = services.GetRequiredService<ReviewQueue>();
        var queued = await queue.ListAsync(new QueueQuery { Limit = 1000 });
        Assert.NotEmpty(queued);
        Assert.All(queued, i => Assert.Equal(_models.A, i.ModelVersion));

        var swapped = Next(classifier, r => r.Outcome == ModelReloadOutcome.Swapped);
        var rescored = new TaskCompletionSource<RescoreRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<QueueRescoreService>().Completed += run =>
        {
            if (run.Model == ModelFolder.B)
            {
                rescored.TrySetResult(run);
            }
        };
        _models.Promote(ModelFolder.B);
        Assert.Equal(ModelFolder.B, (await swapped.WaitAsync(Patience)).ServingVersion);
        await rescored.Task.WaitAsync(Patience);

        var after = await queue.ListAsync(new QueueQuery { Limit = 1000 });
        Assert.Equal(queued.Select(i => i.Id).Order(), after.Select(i => i.Id).Order());
        Assert.All(after, i => Assert.Equal(ModelFolder.B, i.ModelVersion));
        Assert.Equal(0, await services.GetRequiredService<QueueRescorer>().PendingAsync(ModelFolder.B));

        Assert.Equal(ModelFolder.B, await ScoreAnEditedPostAsync("추가 안내: 항공권 지원"));

        var refused = Next(classifier, r => r.Outcome == ModelReloadOutcome.Refused);
        _models.Promote(ModelFolder.Broken);
        Assert.Equal(ModelFolder.Broken, (await refused.WaitAsync(Patience)).PromotedVersion);
        Assert.Equal(ModelFolder.B, classifier.Current.Version);
        Assert.Equal(ModelFolder.B, await ScoreAnEditedPostAsync("추가 안내: 숙소 제공"));
    }

    private async Task<string> ScoreAnEditedPostAsync(string addition)
    {
        var post = _app.Board.Board.Posts[0];
        _app.Board.Board.Edit(post.No, post.Body + "\n" + addition);
        await _app.CrawlAsync();
        await using var connection = await _app.App.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            SELECT c.model_version FROM classifications c JOIN posts p ON p.current_version_id = c.post_version_id
            WHERE p.site_post_id = @no ORDER BY c.id DESC LIMIT 1
            """, new { no = post.No.ToString(System.Globalization.CultureInfo.InvariantCulture) }) ?? "";
    }

    private static Task<ModelReload> Next(Classifier classifier, Func<ModelReload, bool> match)
    {
        var tcs = new TaskCompletionSource<ModelReload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(ModelReload r)
        {
            if (match(r) && tcs.TrySetResult(r))
            {
                classifier.Reloaded -= Handler;
            }
        }

        classifier.Reloaded += Handler;
        return tcs.Task;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _models.Dispose();
    }
}
