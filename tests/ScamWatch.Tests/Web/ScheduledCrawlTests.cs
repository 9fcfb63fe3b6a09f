using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ScamWatch.Demo;
using ScamWatch.Hosting;
using ScamWatch.Sites;
using ScamWatch.Storage;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>The host wires each site to a Quartz job: the demo's start trigger crawls the board without anyone calling the crawler.</summary>
public sealed class ScheduledCrawlTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Host_SiteWithStartTrigger_IsCrawledByQuartzAndQueuesLures()
    {
        await using var board = await DemoBoardServer.StartAsync();
        var site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(board.Url));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = _dir.File("scheduled.db"),
            ["Classifier:ModelsPath"] = Repo.Models,
            ["Crawler:DisablePoliteness"] = "true",
            ["Web:KeysPath"] = _dir.File("keys"),
            ["Logging:File"] = "false",
        }).Build();
        var finished = new CrawlFinished();
        await using var app = WebHost.Build(configuration, "http://127.0.0.1:0", [site], crawlAtStart: true, verbose: false,
            services => services.AddQuartz(q => q.AddJobListener(finished)));
        await WebHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();

        // Quartz tells us when the job has run; nothing else triggers the crawl.
        var failure = await finished.Signal.Task.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Null(failure);
        var database = app.Services.GetRequiredService<Database>();
        string? status;
        await using (var connection = await database.OpenAsync())
        {
            status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM crawl_runs WHERE finished_at IS NOT NULL ORDER BY id LIMIT 1");
        }

        Assert.Equal("ok", status);
        await using var check = await database.OpenAsync();
        Assert.Equal(100, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posts"));
        Assert.True(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM review_items WHERE status = 'open'") >= 14);
        await app.StopAsync();
    }

    private sealed class CrawlFinished : IJobListener
    {
        public TaskCompletionSource<JobExecutionException?> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test-crawl-finished";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            // Other scheduled jobs (the takedown recheck) may run meanwhile; only the crawl is awaited.
            if (context.JobDetail.Key.Group == "crawl")
            {
                Signal.TrySetResult(jobException);
            }

            return ValueTask.CompletedTask;
        }
    }
}
